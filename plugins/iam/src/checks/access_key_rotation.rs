//! # Access keys not rotated
//!
//! ## What it checks
//! Every active access key of an IAM user must have been created or rotated
//! within `max_key_age_days` days (default 90) of the snapshot, per the
//! credential report. Users without active keys are not inspected.
//!
//! ## Settings
//! ```toml
//! [plugins.iam.settings]
//! max_key_age_days = 90
//! ```
//!
//! ## Why it matters
//! Long-lived keys end up in laptops, CI logs and old repositories; rotation
//! bounds how long a leaked key stays useful.
//!
//! ## Remediation
//! Create a second key, move the workload to it, deactivate and delete the
//! old one. Better: replace user keys with roles.

use parapet_sdk::prelude::*;
use serde::Deserialize;

use super::{CIS_TYPE, days_between};

pub(crate) struct AccessKeyRotation;

#[derive(Deserialize)]
#[serde(default)]
struct Settings {
    max_key_age_days: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            max_key_age_days: 90,
        }
    }
}

impl Check for AccessKeyRotation {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("iam-access-key-rotation", "Access keys are rotated every 90 days", Severity::Medium)
            .description(module_doc(include_str!("access_key_rotation.rs")))
            .finding_type(CIS_TYPE)
            .resource_type(CredentialReportRow::RESOURCE_TYPE)
            .compliance(["CIS-AWS-3.0/1.14", "AWS-FSBP/IAM.3"])
            .well_architected(Pillar::Security, "SEC02-BP05")
            .remediation(
                "Rotate access keys older than 90 days, or replace them with roles.",
                Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let max = ctx.settings::<Settings>()?.max_key_age_days;
        let now = ctx.scan()?.collected_at;
        let mut findings = Vec::new();
        for row in ctx.resources::<CredentialReportRow>()? {
            let user = &row.configuration;
            if user.is_root() || user.active_access_keys() == 0 {
                continue;
            }
            let stale: Vec<String> = user
                .access_keys()
                .iter()
                .filter(|(_, active, _, _)| *active)
                .filter_map(|(n, _, rotated, _)| {
                    let days = days_between(CredentialReportRow::time(rotated)?, now);
                    (days > max).then(|| format!("key {n} is {days} days old"))
                })
                .collect();
            let subject = super::user_of(&row);
            findings.push(if stale.is_empty() {
                ctx.finding(
                    subject,
                    Status::Passed,
                    format!(
                        "IAM user {}'s active keys are at most {max} days old",
                        user.user
                    ),
                )
            } else {
                ctx.finding(
                    subject,
                    Status::Failed,
                    format!(
                        "IAM user {} has stale access keys: {}",
                        user.user,
                        stale.join(", ")
                    ),
                )
            });
        }
        Ok(findings)
    }
}
