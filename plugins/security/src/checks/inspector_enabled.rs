//! # Amazon Inspector not enabled
//!
//! ## What it checks
//! Every region the snapshot covers must have an account status (`BatchGetAccountStatus`) whose `state.status` is `ENABLED`.
//!
//! ## Why it matters
//! Inspector finds known vulnerabilities in instances, container images and functions continuously; without it, patching is guesswork.
//!
//! ## Remediation
//! Activate Amazon Inspector for EC2, ECR and Lambda scanning in every region.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{BEST_PRACTICE_TYPE, per_region, text};

pub(crate) struct InspectorEnabled;

impl Check for InspectorEnabled {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "inspector-enabled",
            "Amazon Inspector is enabled in every region",
            Severity::Medium,
        )
        .description(module_doc(include_str!("inspector_enabled.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .resource_type("Parapet::Inspector2::AccountStatus")
        .compliance(["AWS-FSBP/Inspector.1"])
        .well_architected(Pillar::Security, "SEC06-BP01")
        .remediation(
            "Activate Amazon Inspector for EC2, ECR and Lambda scanning in every region.",
            Some("https://docs.aws.amazon.com/inspector/latest/user/getting_started_tutorial.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        per_region::<Value>(
            ctx,
            "Parapet::Inspector2::AccountStatus",
            "Amazon Inspector",
            |items| {
                items
                    .iter()
                    .any(|r| text(&r.configuration, "/state/status") == "ENABLED")
            },
        )
    }
}
