//! # Security group with too many rules
//!
//! ## What it checks
//! A security group may have at most `max_rules` inbound plus outbound rules
//! (default 50; each address range or referenced group counts as one).
//!
//! ## Settings
//! ```toml
//! [plugins.vpc.settings]
//! max_rules = 50
//! ```
//!
//! ## Why it matters
//! Groups with dozens of rules are not reviewed any more: stale and
//! overlapping rules pile up, and the group's purpose is lost.
//!
//! ## Remediation
//! Split the group by purpose, use prefix lists for address sets, and delete
//! rules nobody can explain.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::IpPermission;
use serde::Deserialize;

use super::{BEST_PRACTICE_TYPE, judge_security_groups, sg_name};

pub(crate) struct SgTooManyRules;

#[derive(Deserialize)]
#[serde(default)]
struct Settings {
    max_rules: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self { max_rules: 50 }
    }
}

/// AWS counts one rule per source or destination, not per permission block.
fn rule_count(permissions: &[IpPermission]) -> usize {
    permissions
        .iter()
        .map(|p| {
            (p.ip_ranges.len()
                + p.ipv6_ranges.len()
                + p.user_id_group_pairs.len()
                + p.prefix_list_ids.len())
            .max(1)
        })
        .sum()
}

impl Check for SgTooManyRules {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("vpc-sg-too-many-rules", "Security groups stay small enough to review", Severity::Low)
            .description(module_doc(include_str!("sg_too_many_rules.rs")))
            .finding_type(BEST_PRACTICE_TYPE)
            .resource_type(SecurityGroup::RESOURCE_TYPE)
            .well_architected(Pillar::Security, "SEC05-BP02")
            .well_architected(Pillar::OperationalExcellence, "OPS05-BP01")
            .remediation(
                "Split large security groups by purpose and remove stale rules.",
                Some("https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let max = ctx.settings::<Settings>()?.max_rules;
        judge_security_groups(
            ctx,
            |sg| {
                let count = rule_count(&sg.configuration.ip_permissions)
                    + rule_count(&sg.configuration.ip_permissions_egress);
                (count > max).then(|| {
                    format!(
                        "security group {} has {count} rules, more than {max}",
                        sg_name(sg)
                    )
                })
            },
            |sg| format!("security group {} has at most {max} rules", sg_name(sg)),
        )
    }
}
