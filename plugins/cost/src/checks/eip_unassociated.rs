//! # Unassociated Elastic IP address
//!
//! ## What it checks
//! Every Elastic IP address must be associated with an instance or a
//! network interface.
//!
//! ## Why it matters
//! AWS bills every public IPv4 address by the hour, used or not; an idle
//! address is pure waste, and often a leftover of a decommissioned system.
//!
//! ## Remediation
//! Release the address (`aws ec2 release-address --allocation-id ID`) unless
//! an allow-list somewhere depends on it.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::Address;

use super::{COST_TYPE, waste};
use crate::prices::{HOURS_PER_MONTH, PUBLIC_IPV4_HOUR};

pub(crate) struct EipUnassociated;

impl Check for EipUnassociated {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("cost-eip-unassociated", "Elastic IP addresses are in use", Severity::Low)
            .description(module_doc(include_str!("eip_unassociated.rs")))
            .finding_type(COST_TYPE)
            .resource_type(Address::RESOURCE_TYPE)
            .compliance(["AWS-FSBP/EC2.12"])
            .well_architected(Pillar::CostOptimization, "COST04-BP02")
            .remediation(
                "Release Elastic IP addresses nothing uses.",
                Some("https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/working-with-eips.html#using-instance-addressing-eips-releasing"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<Address>()?
            .iter()
            .map(|address| {
                let a = &address.configuration;
                if a.association_id.is_some()
                    || a.instance_id.is_some()
                    || a.network_interface_id.is_some()
                {
                    ctx.finding(
                        address,
                        Status::Passed,
                        format!("Elastic IP {} is associated", a.public_ip),
                    )
                } else {
                    waste(
                        ctx,
                        address,
                        format!("Elastic IP {} is not associated", a.public_ip),
                        Some(PUBLIC_IPV4_HOUR * HOURS_PER_MONTH),
                    )
                }
            })
            .collect())
    }
}
