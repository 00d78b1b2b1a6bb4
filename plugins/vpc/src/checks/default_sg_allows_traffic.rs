//! # Default security group allows traffic
//!
//! ## What it checks
//! Every VPC's security group named `default` must have no inbound and no
//! outbound rules.
//!
//! ## Why it matters
//! Resources land in the default group when nobody chose one. With rules in
//! it, they silently get network access nobody reviewed; with none, a
//! forgotten resource is isolated until someone gives it a purposeful group.
//!
//! ## Remediation
//! Remove every rule from each default security group and move resources to
//! groups made for them.

use parapet_sdk::prelude::*;

use super::{CIS_TYPE, sg_name};

pub(crate) struct DefaultSgAllowsTraffic;

impl Check for DefaultSgAllowsTraffic {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "vpc-default-sg-traffic",
            "Default security groups allow no traffic",
            Severity::Medium,
        )
        .description(module_doc(include_str!("default_sg_allows_traffic.rs")))
        .finding_type(CIS_TYPE)
        .resource_type(SecurityGroup::RESOURCE_TYPE)
        .compliance(["CIS-AWS-3.0/5.4", "AWS-FSBP/EC2.2"])
        .well_architected(Pillar::Security, "SEC05-BP01")
        .remediation(
            "Remove all inbound and outbound rules from the default security group.",
            Some("https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<SecurityGroup>()?
            .iter()
            .filter(|sg| sg.configuration.group_name == "default")
            .map(|sg| {
                let rules = sg.configuration.ip_permissions.len()
                    + sg.configuration.ip_permissions_egress.len();
                if rules == 0 {
                    ctx.finding(
                        sg,
                        Status::Passed,
                        format!("default security group {} has no rules", sg_name(sg)),
                    )
                } else {
                    ctx.finding(
                        sg,
                        Status::Failed,
                        format!("default security group {} has {rules} rules", sg_name(sg)),
                    )
                }
            })
            .collect())
    }
}
