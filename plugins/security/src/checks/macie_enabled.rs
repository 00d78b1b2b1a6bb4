//! # Amazon Macie not enabled
//!
//! ## What it checks
//! Every region the snapshot covers must have a Macie session (`GetMacieSession`) whose `status` is `ENABLED`.
//!
//! ## Why it matters
//! Macie finds sensitive data (credentials, personal data) in S3 and reports buckets that are public or shared; it is how data classification keeps up with what is actually stored.
//!
//! ## Remediation
//! Enable Amazon Macie in the regions that hold S3 data.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{BEST_PRACTICE_TYPE, per_region, text};

pub(crate) struct MacieEnabled;

impl Check for MacieEnabled {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "macie-enabled",
            "Amazon Macie is enabled in every region",
            Severity::Low,
        )
        .description(module_doc(include_str!("macie_enabled.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .resource_type("Parapet::Macie2::Session")
        .compliance(["AWS-FSBP/Macie.1"])
        .well_architected(Pillar::Security, "SEC07-BP03")
        .remediation(
            "Enable Amazon Macie in the regions that hold S3 data.",
            Some("https://docs.aws.amazon.com/macie/latest/user/getting-started.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        per_region::<Value>(ctx, "Parapet::Macie2::Session", "Amazon Macie", |items| {
            items
                .iter()
                .any(|r| text(&r.configuration, "/status") == "ENABLED")
        })
    }
}
