//! # Security group open to the internet on SSH or RDP
//!
//! ## What it checks
//! No security group may allow inbound traffic from `0.0.0.0/0` or `::/0` to
//! port 22 (SSH) or 3389 (RDP), whether by a port range, a rule for all
//! traffic, or a protocol without ports.
//!
//! ## Why it matters
//! Remote-administration ports open to the internet are scanned within
//! minutes of exposure; one weak or leaked credential is then a foothold.
//!
//! ## Remediation
//! Restrict the rule to known addresses, or remove it and use AWS Systems
//! Manager Session Manager or EC2 Instance Connect Endpoint instead.

use parapet_sdk::prelude::*;

use super::{ADMIN_PORTS, CIS_TYPE, describe_rule, judge_security_groups, sg_name, world_ingress};

pub(crate) struct SgAdminPortsOpen;

impl Check for SgAdminPortsOpen {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "vpc-sg-admin-ports-open",
            "No security group opens SSH or RDP to the internet",
            Severity::High,
        )
        .description(module_doc(include_str!("sg_admin_ports_open.rs")))
        .finding_type(CIS_TYPE)
        .resource_type(SecurityGroup::RESOURCE_TYPE)
        .compliance([
            "CIS-AWS-3.0/5.2",
            "CIS-AWS-3.0/5.3",
            "AWS-FSBP/EC2.13",
            "AWS-FSBP/EC2.14",
        ])
        .well_architected(Pillar::Security, "SEC05-BP02")
        .remediation(
            "Limit SSH and RDP to known source addresses, or use Session Manager instead.",
            Some("https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        judge_security_groups(
            ctx,
            |sg| {
                let open: Vec<String> = world_ingress(&sg.configuration)
                    .filter(|rule| ADMIN_PORTS.iter().any(|&port| rule.covers_port(port)))
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
                    "security group {} does not open SSH or RDP to the internet",
                    sg_name(sg)
                )
            },
        )
    }
}
