//! # Credentials unused for 45 days
//!
//! ## What it checks
//! No IAM user may hold a console password or an active access key that has
//! not been used (or, if never used, was created) more than
//! `unused_days` days (default 45) before the snapshot.
//!
//! ## Settings
//! ```toml
//! [plugins.iam.settings]
//! unused_days = 45
//! ```
//!
//! ## Why it matters
//! Credentials nobody uses are credentials nobody would miss, or notice
//! being misused: people who left, retired scripts, forgotten experiments.
//!
//! ## Remediation
//! Remove the console password or deactivate the key; delete the user if
//! nothing else needs it.

use parapet_sdk::prelude::*;
use serde::Deserialize;

use super::{CIS_TYPE, days_between};

pub(crate) struct UnusedCredentials;

#[derive(Deserialize)]
#[serde(default)]
struct Settings {
    unused_days: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Self { unused_days: 45 }
    }
}

impl Check for UnusedCredentials {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("iam-unused-credentials", "No credentials unused for 45 days", Severity::Medium)
            .description(module_doc(include_str!("unused_credentials.rs")))
            .finding_type(CIS_TYPE)
            .resource_type(CredentialReportRow::RESOURCE_TYPE)
            .compliance(["CIS-AWS-3.0/1.12", "AWS-FSBP/IAM.8", "AWS-FSBP/IAM.22"])
            .well_architected(Pillar::Security, "SEC02-BP05")
            .remediation(
                "Disable credentials that have not been used for 45 days.",
                Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let limit = ctx.settings::<Settings>()?.unused_days;
        let now = ctx.scan()?.collected_at;
        let mut findings = Vec::new();
        for row in ctx.resources::<CredentialReportRow>()? {
            let user = &row.configuration;
            if user.is_root() || (!user.has_console_password() && user.active_access_keys() == 0) {
                continue;
            }
            let created = CredentialReportRow::time(&user.user_creation_time);
            let idle = |used: &str| -> Option<i64> {
                let since = CredentialReportRow::time(used).or(created)?;
                Some(days_between(since, now)).filter(|days| *days > limit)
            };
            let mut unused = Vec::new();
            if user.has_console_password()
                && let Some(days) = idle(&user.password_last_used)
            {
                unused.push(format!("password idle for {days} days"));
            }
            for (n, active, _, used) in user.access_keys() {
                if active && let Some(days) = idle(used) {
                    unused.push(format!("access key {n} idle for {days} days"));
                }
            }
            let subject = super::user_of(&row);
            findings.push(if unused.is_empty() {
                ctx.finding(
                    subject,
                    Status::Passed,
                    format!(
                        "IAM user {}'s credentials were used in the last {limit} days",
                        user.user
                    ),
                )
            } else {
                ctx.finding(
                    subject,
                    Status::Failed,
                    format!(
                        "IAM user {} has unused credentials: {}",
                        user.user,
                        unused.join(", ")
                    ),
                )
            });
        }
        Ok(findings)
    }
}
