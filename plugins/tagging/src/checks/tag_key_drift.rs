//! # Tag key spelled differently from the policy
//!
//! ## What it checks
//! No resource may carry a key that means a required key but is spelled
//! differently: a case variant (`environment`, `ENVIRONMENT` for
//! `Environment`) or a known alias (`env`, `cost-center`). Resources without
//! such keys are not reported.
//!
//! ## Settings
//! ```toml
//! [plugins.tagging.settings.aliases]
//! Environment = ["env", "stage"]
//! ```
//!
//! ## Why it matters
//! Cost allocation and tag-based automation match keys exactly; a drifted
//! key is, to them, a missing key, even though a person reading the console
//! sees the tag.
//!
//! ## Remediation
//! Rename the key to the policy's spelling (add the new tag, then remove the
//! old one).

use parapet_sdk::prelude::*;

use super::{TAGGING_TYPE, reads_taggable};
use crate::settings::{Policy, describe};

pub(crate) struct TagKeyDrift;

impl Check for TagKeyDrift {
    fn metadata(&self) -> CheckMetadata {
        reads_taggable(
            CheckMetadata::new("tag-key-drift", "Tag keys use the policy's spelling", Severity::Low)
                .description(module_doc(include_str!("tag_key_drift.rs")))
                .finding_type(TAGGING_TYPE)
                .well_architected(Pillar::CostOptimization, "COST03-BP02")
                .remediation(
                    "Rename drifted tag keys to the spelling in the tagging policy.",
                    Some("https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html"),
                ),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let policy = Policy::load(ctx)?;
        let mut findings = Vec::new();
        for item in policy.resources(ctx)? {
            let mut drifted = Vec::new();
            for key in item.tags.keys() {
                let meant = policy.required_keys.iter().find(|required| {
                    *required != key
                        && (required.eq_ignore_ascii_case(key)
                            || policy.aliases.get(*required).is_some_and(|a| {
                                a.iter().any(|alias| alias.eq_ignore_ascii_case(key))
                            }))
                });
                if let Some(required) = meant {
                    drifted.push(format!("{key} (for {required})"));
                }
            }
            if !drifted.is_empty() {
                findings.push(ctx.finding(
                    &item,
                    Status::Failed,
                    format!(
                        "{} uses drifted tag keys: {}",
                        describe(&item),
                        drifted.join(", ")
                    ),
                ));
            } else if !item.tags.is_empty() {
                findings.push(ctx.finding(
                    &item,
                    Status::Passed,
                    format!("{} uses the policy's key spelling", describe(&item)),
                ));
            }
        }
        Ok(findings)
    }
}
