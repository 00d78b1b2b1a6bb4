//! # Unused network ACL
//!
//! ## What it checks
//! Every network ACL other than a VPC's default must be associated with at
//! least one subnet.
//!
//! ## Why it matters
//! An unused ACL does nothing but confuse: it looks like protection that is
//! not there, and may be attached later without review.
//!
//! ## Remediation
//! Delete network ACLs no subnet uses.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::NetworkAcl;

use super::BEST_PRACTICE_TYPE;

pub(crate) struct NaclUnused;

impl Check for NaclUnused {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("vpc-nacl-unused", "Network ACLs are in use", Severity::Low)
            .description(module_doc(include_str!("nacl_unused.rs")))
            .finding_type(BEST_PRACTICE_TYPE)
            .resource_type(NetworkAcl::RESOURCE_TYPE)
            .compliance(["AWS-FSBP/EC2.16"])
            .well_architected(Pillar::OperationalExcellence, "OPS05-BP01")
            .remediation(
                "Delete network ACLs that no subnet is associated with.",
                Some("https://docs.aws.amazon.com/vpc/latest/userguide/network-acls.html#DeleteNetworkACL"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<NetworkAcl>()?
            .iter()
            .filter(|acl| !acl.configuration.is_default)
            .map(|acl| {
                let id = &acl.configuration.network_acl_id;
                match acl.configuration.associations.len() {
                    0 => ctx.finding(
                        acl,
                        Status::Failed,
                        format!("network ACL {id} is not associated with any subnet"),
                    ),
                    n => ctx.finding(
                        acl,
                        Status::Passed,
                        format!("network ACL {id} is associated with {n} subnets"),
                    ),
                }
            })
            .collect())
    }
}
