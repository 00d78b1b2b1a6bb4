//! # AWS Security Hub not enabled
//!
//! ## What it checks
//! Every region the snapshot covers must have a hub (`DescribeHub`).
//!
//! ## Why it matters
//! Security Hub gathers findings from GuardDuty, Inspector, Macie, Config and tools like parapet in one place, with the standards' controls, so nothing is looked at in isolation.
//!
//! ## Remediation
//! Enable Security Hub (with the standards you follow) in every region.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{BEST_PRACTICE_TYPE, per_region};

pub(crate) struct SecurityHubEnabled;

impl Check for SecurityHubEnabled {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("securityhub-enabled", "AWS Security Hub is enabled in every region", Severity::Medium)
            .description(module_doc(include_str!("securityhub_enabled.rs")))
            .finding_type(BEST_PRACTICE_TYPE)
            .resource_type("AWS::SecurityHub::Hub")
            .well_architected(Pillar::Security, "SEC04-BP01")
            .remediation("Enable Security Hub (with the standards you follow) in every region.", Some("https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html"))
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        per_region::<Value>(ctx, "AWS::SecurityHub::Hub", "AWS Security Hub", |items| {
            items.iter().any(|r| {
                !r.configuration
                    .pointer("/HubArn")
                    .is_none_or(serde_json::Value::is_null)
            })
        })
    }
}
