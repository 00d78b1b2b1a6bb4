//! # Security group open to the internet outside authorised ports
//!
//! ## What it checks
//! Inbound rules from `0.0.0.0/0` or `::/0` may only cover authorised ports,
//! by default 80 and 443. A rule for any other port, a range reaching beyond
//! the list, or all traffic fails.
//!
//! ## Settings
//! ```toml
//! [plugins.vpc.settings]
//! authorized_ports = [80, 443]
//! ```
//!
//! ## Why it matters
//! Internet-facing services should be a short, deliberate list; everything
//! else open to the world is attack surface nobody decided on.
//!
//! ## Remediation
//! Close the port to the internet, or add it to `authorized_ports` if it is
//! meant to be public.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::IpPermission;
use serde::Deserialize;

use super::{BEST_PRACTICE_TYPE, describe_rule, judge_security_groups, sg_name, world_ingress};

pub(crate) struct SgUnauthorizedPortsOpen;

#[derive(Deserialize)]
#[serde(default)]
struct Settings {
    authorized_ports: Vec<i32>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            authorized_ports: vec![80, 443],
        }
    }
}

/// Whether the rule admits only authorised ports.
fn only_authorized(rule: &IpPermission, authorized: &[i32]) -> bool {
    if rule.ip_protocol == "-1" {
        return false;
    }
    match (rule.from_port, rule.to_port) {
        // ICMP types are not ports.
        _ if rule.ip_protocol == "icmp" || rule.ip_protocol == "icmpv6" => true,
        (Some(from), Some(to)) => (from..=to).all(|port| authorized.contains(&port)),
        _ => false,
    }
}

impl Check for SgUnauthorizedPortsOpen {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "vpc-sg-unauthorized-ports-open",
            "Security groups open only authorised ports to the internet",
            Severity::High,
        )
        .description(module_doc(include_str!("sg_unauthorized_ports_open.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .resource_type(SecurityGroup::RESOURCE_TYPE)
        .compliance(["AWS-FSBP/EC2.18"])
        .well_architected(Pillar::Security, "SEC05-BP02")
        .remediation(
            "Allow internet traffic only on the ports your public services use.",
            Some(
                "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18",
            ),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let authorized = ctx.settings::<Settings>()?.authorized_ports;
        judge_security_groups(
            ctx,
            |sg| {
                let open: Vec<String> = world_ingress(&sg.configuration)
                    .filter(|rule| !only_authorized(rule, &authorized))
                    .map(describe_rule)
                    .collect();
                (!open.is_empty()).then(|| {
                    format!("security group {} allows {} from the internet, outside the authorised ports", sg_name(sg), open.join(", "))
                })
            },
            |sg| {
                format!(
                    "security group {} opens only authorised ports to the internet",
                    sg_name(sg)
                )
            },
        )
    }
}
