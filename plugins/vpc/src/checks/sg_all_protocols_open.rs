//! # Security group open to the internet on every port
//!
//! ## What it checks
//! No security group may allow all traffic (protocol `-1`) or every TCP or
//! UDP port (0-65535) from `0.0.0.0/0` or `::/0`.
//!
//! ## Why it matters
//! Such a rule turns the security group off: every service on the instance,
//! including ones started later, faces the internet.
//!
//! ## Remediation
//! Replace the rule with rules for the specific ports that must be public.

use parapet_sdk::prelude::*;

use super::{BEST_PRACTICE_TYPE, describe_rule, judge_security_groups, sg_name, world_ingress};

pub(crate) struct SgAllProtocolsOpen;

impl Check for SgAllProtocolsOpen {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "vpc-sg-all-ports-open",
            "No security group opens every port to the internet",
            Severity::Critical,
        )
        .description(module_doc(include_str!("sg_all_protocols_open.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .resource_type(SecurityGroup::RESOURCE_TYPE)
        .compliance(["AWS-FSBP/EC2.18"])
        .well_architected(Pillar::Security, "SEC05-BP02")
        .remediation(
            "Replace the all-traffic rule with rules for the ports that must be public.",
            Some("https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        judge_security_groups(
            ctx,
            |sg| {
                let open: Vec<String> = world_ingress(&sg.configuration)
                    .filter(|rule| {
                        rule.ip_protocol == "-1"
                            || (rule.from_port.unwrap_or(0) <= 0
                                && rule.to_port.unwrap_or(65535) >= 65535)
                    })
                    .map(describe_rule)
                    .collect();
                (!open.is_empty()).then(|| {
                    format!(
                        "security group {} allows {} from the internet",
                        sg_name(sg),
                        open.join(", ")
                    )
                })
            },
            |sg| {
                format!(
                    "security group {} does not open every port to the internet",
                    sg_name(sg)
                )
            },
        )
    }
}
