//! # Amazon Detective not enabled
//!
//! ## What it checks
//! Every region the snapshot covers must have a behaviour graph (`ListGraphs`).
//!
//! ## Why it matters
//! Detective keeps a year of linked activity behind every GuardDuty finding, which is what an investigation needs to scope an incident quickly.
//!
//! ## Remediation
//! Enable Amazon Detective in the regions where GuardDuty runs.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{BEST_PRACTICE_TYPE, per_region};

pub(crate) struct DetectiveEnabled;

impl Check for DetectiveEnabled {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "detective-enabled",
            "Amazon Detective is enabled in every region",
            Severity::Low,
        )
        .description(module_doc(include_str!("detective_enabled.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .resource_type("AWS::Detective::Graph")
        .well_architected(Pillar::Security, "SEC10-BP02")
        .remediation(
            "Enable Amazon Detective in the regions where GuardDuty runs.",
            Some("https://docs.aws.amazon.com/detective/latest/adminguide/detective-setup.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        per_region::<Value>(ctx, "AWS::Detective::Graph", "Amazon Detective", |items| {
            items.iter().any(|r| {
                !r.configuration
                    .pointer("/Arn")
                    .is_none_or(serde_json::Value::is_null)
            })
        })
    }
}
