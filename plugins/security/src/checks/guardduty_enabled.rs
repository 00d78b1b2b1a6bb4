//! # Amazon GuardDuty not enabled
//!
//! ## What it checks
//! Every region the snapshot covers must have a detector (`GetDetector`) whose `Status` is `ENABLED`.
//!
//! ## Why it matters
//! GuardDuty analyses CloudTrail, VPC flow logs and DNS logs for signs of compromise: stolen credentials used from new places, crypto-mining instances, calls to known bad hosts.
//!
//! ## Remediation
//! Enable GuardDuty in every region, ideally for the whole organization from a delegated administrator.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{BEST_PRACTICE_TYPE, per_region, text};

pub(crate) struct GuardDutyEnabled;

impl Check for GuardDutyEnabled {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("guardduty-enabled", "Amazon GuardDuty is enabled in every region", Severity::High)
            .description(module_doc(include_str!("guardduty_enabled.rs")))
            .finding_type(BEST_PRACTICE_TYPE)
            .resource_type("AWS::GuardDuty::Detector")
            .compliance(["AWS-FSBP/GuardDuty.1"])
            .well_architected(Pillar::Security, "SEC04-BP02")
            .remediation("Enable GuardDuty in every region, ideally for the whole organization from a delegated administrator.", Some("https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html"))
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        per_region::<Value>(
            ctx,
            "AWS::GuardDuty::Detector",
            "Amazon GuardDuty",
            |items| {
                items
                    .iter()
                    .any(|r| text(&r.configuration, "/Status") == "ENABLED")
            },
        )
    }
}
