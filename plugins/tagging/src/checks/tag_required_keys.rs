//! # Resource without the required tags
//!
//! ## What it checks
//! Every resource of the policy's types must carry every required tag key
//! (default `Environment`, `Project`, `Owner`, `CostCenter`), spelled
//! exactly; AWS cost allocation treats `environment` and `Environment` as
//! different keys.
//!
//! ## Settings
//! ```toml
//! [plugins.tagging.settings]
//! required_keys = ["Environment", "Project", "Owner", "CostCenter"]
//! resource_types = ["AWS::EC2::Instance", "AWS::EC2::Volume"]
//! ```
//!
//! ## Why it matters
//! Untagged spend cannot be charged back, untagged resources have no owner
//! to call during an incident, and tag-based access control and automation
//! skip them.
//!
//! ## Remediation
//! Add the missing tags, and enforce them at creation with tag policies in
//! AWS Organizations or `aws:RequestTag` conditions.

use parapet_sdk::prelude::*;

use super::{TAGGING_TYPE, reads_taggable};
use crate::settings::{Policy, describe};

pub(crate) struct TagRequiredKeys;

impl Check for TagRequiredKeys {
    fn metadata(&self) -> CheckMetadata {
        reads_taggable(
            CheckMetadata::new("tag-required-keys", "Resources carry the required tags", Severity::Low)
                .description(module_doc(include_str!("tag_required_keys.rs")))
                .finding_type(TAGGING_TYPE)
                .well_architected(Pillar::CostOptimization, "COST03-BP02")
                .well_architected(Pillar::OperationalExcellence, "OPS02-BP01")
                .remediation(
                    "Add the missing tags and enforce them with tag policies.",
                    Some("https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_tag-policies.html"),
                ),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let policy = Policy::load(ctx)?;
        Ok(policy
            .resources(ctx)?
            .iter()
            .map(|item| {
                let missing = policy.missing_keys(item);
                if missing.is_empty() {
                    ctx.finding(
                        item,
                        Status::Passed,
                        format!("{} carries every required tag", describe(item)),
                    )
                } else {
                    ctx.finding(
                        item,
                        Status::Failed,
                        format!(
                            "{} lacks required tags: {}",
                            describe(item),
                            missing.join(", ")
                        ),
                    )
                    .with_evidence(serde_json::json!({"Missing": missing, "Tags": item.tags}))
                }
            })
            .collect())
    }
}
