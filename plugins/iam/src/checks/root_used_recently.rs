//! # Root user used recently
//!
//! ## What it checks
//! The root user's password and access keys must not have been used in the
//! last `root_use_days` days (default 30) before the snapshot was collected,
//! per the credential report.
//!
//! ## Settings
//! ```toml
//! [plugins.iam.settings]
//! root_use_days = 30
//! ```
//!
//! ## Why it matters
//! Day-to-day work as root leaves the most powerful credential exposed and
//! unattributable; use it only for the few tasks that require it, and expect
//! an alert when it is used.
//!
//! ## Remediation
//! Do administrative work through IAM Identity Center or roles, and alert on
//! root sign-ins (an EventBridge rule on `Root` `ConsoleLogin`).

use parapet_sdk::prelude::*;
use serde::Deserialize;

use super::{CIS_TYPE, days_between};

pub(crate) struct RootUsedRecently;

#[derive(Deserialize)]
#[serde(default)]
struct Settings {
    root_use_days: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Self { root_use_days: 30 }
    }
}

impl Check for RootUsedRecently {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "iam-root-used-recently",
            "Root user is not used for daily work",
            Severity::High,
        )
        .description(module_doc(include_str!("root_used_recently.rs")))
        .finding_type(CIS_TYPE)
        .resource_type(CredentialReportRow::RESOURCE_TYPE)
        .compliance(["CIS-AWS-3.0/1.7"])
        .well_architected(Pillar::Security, "SEC02-BP01")
        .remediation(
            "Stop using the root user for everyday tasks; alert on its use.",
            Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let window = ctx.settings::<Settings>()?.root_use_days;
        let now = ctx.scan()?.collected_at;
        let rows = ctx.resources::<CredentialReportRow>()?;
        let Some(root) = rows.iter().find(|row| row.configuration.is_root()) else {
            return Ok(Vec::new());
        };
        let account = ctx.account(GLOBAL_REGION)?;
        let report = &root.configuration;
        let uses = [
            ("password", &report.password_last_used),
            ("access key 1", &report.access_key_1_last_used_date),
            ("access key 2", &report.access_key_2_last_used_date),
        ];
        let recent: Vec<String> = uses
            .iter()
            .filter_map(|(what, when)| {
                let days = days_between(CredentialReportRow::time(when)?, now);
                (days <= window).then(|| format!("its {what} {days} days before the snapshot"))
            })
            .collect();
        let id = &account.account.clone();
        Ok(vec![if recent.is_empty() {
            ctx.finding(
                account,
                Status::Passed,
                format!("the root user of account {id} was not used in the last {window} days"),
            )
        } else {
            ctx.finding(
                account,
                Status::Failed,
                format!(
                    "the root user of account {id} was used recently: {}",
                    recent.join(", ")
                ),
            )
        }])
    }
}
