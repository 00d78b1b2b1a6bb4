//! # Tag value outside the allowed list
//!
//! ## What it checks
//! For every key with an allowed list, the resource's value must match one
//! entry (exactly, or by `*`/`?` wildcards such as `CC-*`). By default
//! `Environment` must be one of `prod`, `staging`, `dev`, `test`, `sandbox`.
//! Resources without the key are left to `tag-required-keys`.
//!
//! ## Settings
//! ```toml
//! [plugins.tagging.settings.allowed_values]
//! Environment = ["prod", "staging", "dev"]
//! CostCenter = ["CC-????"]
//! ```
//!
//! ## Why it matters
//! `Prod`, `production` and `prd` split one environment into three lines of
//! the cost report and slip past automation keyed on `prod`.
//!
//! ## Remediation
//! Correct the value, and list the allowed values in the organization's tag
//! policy so new resources cannot drift.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::policy::glob_match;

use super::{TAGGING_TYPE, reads_taggable};
use crate::settings::{Policy, describe};

pub(crate) struct TagValueNotAllowed;

impl Check for TagValueNotAllowed {
    fn metadata(&self) -> CheckMetadata {
        reads_taggable(
            CheckMetadata::new("tag-value-not-allowed", "Tag values come from the allowed lists", Severity::Low)
                .description(module_doc(include_str!("tag_value_not_allowed.rs")))
                .finding_type(TAGGING_TYPE)
                .well_architected(Pillar::CostOptimization, "COST03-BP02")
                .remediation(
                    "Use only the allowed values for governed tag keys.",
                    Some("https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_tag-policies-syntax-reference.html"),
                ),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let policy = Policy::load(ctx)?;
        let mut findings = Vec::new();
        for item in policy.resources(ctx)? {
            let governed: Vec<(&String, &Vec<String>)> = policy
                .allowed_values
                .iter()
                .filter(|(key, _)| item.tags.contains_key(key.as_str()))
                .collect();
            if governed.is_empty() {
                continue;
            }
            let wrong: Vec<String> = governed
                .iter()
                .filter(|(key, allowed)| {
                    let value = &item.tags[key.as_str()];
                    !allowed.iter().any(|pattern| glob_match(pattern, value))
                })
                .map(|(key, _)| format!("{key}={}", item.tags[key.as_str()]))
                .collect();
            findings.push(if wrong.is_empty() {
                ctx.finding(
                    &item,
                    Status::Passed,
                    format!("{} uses allowed tag values", describe(&item)),
                )
            } else {
                ctx.finding(
                    &item,
                    Status::Failed,
                    format!(
                        "{} has tag values outside the allowed lists: {}",
                        describe(&item),
                        wrong.join(", ")
                    ),
                )
            });
        }
        Ok(findings)
    }
}
