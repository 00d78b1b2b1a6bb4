//! # Unused security group
//!
//! ## What it checks
//! Every security group other than a VPC's `default` group must be used by a
//! network interface. When the snapshot has network interfaces, they decide;
//! without them only instances are known, so a group no instance uses is a
//! warning (load balancers, databases and functions also use groups).
//!
//! ## Why it matters
//! Unused groups clutter reviews and get attached later by someone who does
//! not know what they open.
//!
//! ## Remediation
//! Delete security groups nothing uses.

use std::collections::HashSet;

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::{Instance, NetworkInterface};

use super::{BEST_PRACTICE_TYPE, sg_name};

pub(crate) struct SgUnused;

impl Check for SgUnused {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("vpc-sg-unused", "Security groups are in use", Severity::Low)
            .description(module_doc(include_str!("sg_unused.rs")))
            .finding_type(BEST_PRACTICE_TYPE)
            .resource_type(SecurityGroup::RESOURCE_TYPE)
            .resource_type(NetworkInterface::RESOURCE_TYPE)
            .resource_type(Instance::RESOURCE_TYPE)
            .compliance(["AWS-FSBP/EC2.22"])
            .well_architected(Pillar::Security, "SEC05-BP01")
            .remediation(
                "Delete security groups that no network interface uses.",
                Some("https://docs.aws.amazon.com/vpc/latest/userguide/deleting-security-groups.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let interfaces = ctx.resources::<NetworkInterface>()?;
        let authoritative = !interfaces.is_empty();
        let used: HashSet<String> = if authoritative {
            interfaces
                .iter()
                .flat_map(|eni| eni.configuration.groups.iter().map(|g| g.group_id.clone()))
                .collect()
        } else {
            ctx.resources::<Instance>()?
                .iter()
                .flat_map(|i| {
                    i.configuration
                        .security_groups
                        .iter()
                        .map(|g| g.group_id.clone())
                })
                .collect()
        };
        let unused_status = if authoritative {
            Status::Failed
        } else {
            Status::Warning
        };
        Ok(ctx
            .resources::<SecurityGroup>()?
            .iter()
            .filter(|sg| sg.configuration.group_name != "default")
            .map(|sg| {
                if used.contains(&sg.configuration.group_id) {
                    ctx.finding(sg, Status::Passed, format!("security group {} is in use", sg_name(sg)))
                } else if authoritative {
                    ctx.finding(sg, unused_status, format!("security group {} is not used by any network interface", sg_name(sg)))
                } else {
                    ctx.finding(
                        sg,
                        unused_status,
                        format!("security group {} is not used by any instance (network interfaces were not collected)", sg_name(sg)),
                    )
                }
            })
            .collect())
    }
}
