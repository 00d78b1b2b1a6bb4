//! # Resource with no tags at all
//!
//! ## What it checks
//! Every resource of the policy's types must carry at least one tag.
//!
//! ## Why it matters
//! A resource with no tags at all was created outside every pipeline and
//! template; nobody can say who owns it or whether it may be deleted. These
//! are the first candidates for review in a cost clean-up.
//!
//! ## Remediation
//! Find the owner (CloudTrail's creation event names the principal), tag the
//! resource or delete it.

use parapet_sdk::prelude::*;

use super::{TAGGING_TYPE, reads_taggable};
use crate::settings::{Policy, describe};

pub(crate) struct Untagged;

impl Check for Untagged {
    fn metadata(&self) -> CheckMetadata {
        reads_taggable(
            CheckMetadata::new("tag-untagged-resource", "Resources have at least one tag", Severity::Medium)
                .description(module_doc(include_str!("untagged.rs")))
                .finding_type(TAGGING_TYPE)
                .well_architected(Pillar::CostOptimization, "COST02-BP05")
                .well_architected(Pillar::OperationalExcellence, "OPS02-BP01")
                .remediation(
                    "Tag the resource with its owner and purpose, or delete it.",
                    Some("https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/tagging-best-practices.html"),
                ),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let policy = Policy::load(ctx)?;
        Ok(policy
            .resources(ctx)?
            .iter()
            .map(|item| match item.tags.len() {
                0 => ctx.finding(
                    item,
                    Status::Failed,
                    format!("{} has no tags", describe(item)),
                ),
                _ => ctx.finding(
                    item,
                    Status::Passed,
                    format!("{} is tagged", describe(item)),
                ),
            })
            .collect())
    }
}
