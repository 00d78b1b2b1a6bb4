//! # Security group open to the internet on a high-risk port
//!
//! ## What it checks
//! No security group may allow inbound traffic from `0.0.0.0/0` or `::/0` to
//! a high-risk port: by default the database, file-sharing, mail and
//! management ports of AWS FSBP control EC2.19 (20, 21, 23, 25, 110, 135,
//! 143, 445, 1433, 1434, 3000, 3306, 4333, 5000, 5432, 5500, 5601, 8080,
//! 8088, 8888, 9200, 9300). SSH and RDP have their own check.
//!
//! ## Settings
//! ```toml
//! [plugins.vpc.settings]
//! high_risk_ports = [21, 23, 3306, 5432]
//! ```
//!
//! ## Why it matters
//! Databases and management consoles are not built to face the internet;
//! exposed, they are found by scanners and attacked directly.
//!
//! ## Remediation
//! Remove the rule, or restrict it to the addresses or security groups that
//! need the service.

use parapet_sdk::prelude::*;
use serde::Deserialize;

use super::{BEST_PRACTICE_TYPE, describe_rule, judge_security_groups, sg_name, world_ingress};

pub(crate) struct SgHighRiskPortsOpen;

#[derive(Deserialize)]
#[serde(default)]
struct Settings {
    high_risk_ports: Vec<i32>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            high_risk_ports: vec![
                20, 21, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 4333, 5000, 5432, 5500,
                5601, 8080, 8088, 8888, 9200, 9300,
            ],
        }
    }
}

impl Check for SgHighRiskPortsOpen {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "vpc-sg-high-risk-ports-open",
            "No security group opens high-risk ports to the internet",
            Severity::High,
        )
        .description(module_doc(include_str!("sg_high_risk_ports_open.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .resource_type(SecurityGroup::RESOURCE_TYPE)
        .compliance(["AWS-FSBP/EC2.19"])
        .well_architected(Pillar::Security, "SEC05-BP02")
        .remediation(
            "Remove internet access to database, file-sharing and management ports.",
            Some(
                "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19",
            ),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let ports = ctx.settings::<Settings>()?.high_risk_ports;
        judge_security_groups(
            ctx,
            |sg| {
                let open: Vec<String> = world_ingress(&sg.configuration)
                    .filter(|rule| ports.iter().any(|&port| rule.covers_port(port)))
                    .map(describe_rule)
                    .collect();
                (!open.is_empty()).then(|| {
                    format!(
                        "security group {} allows {} from the internet, covering high-risk ports",
                        sg_name(sg),
                        open.join(", ")
                    )
                })
            },
            |sg| {
                format!(
                    "security group {} opens no high-risk port to the internet",
                    sg_name(sg)
                )
            },
        )
    }
}
