//! # Root user with access keys
//!
//! ## What it checks
//! Whether the root user has access keys (`AccountAccessKeysPresent` in the
//! IAM account summary).
//!
//! ## Why it matters
//! Root access keys give unrestricted, long-lived programmatic access to the
//! whole account. Nothing needs them: every task that needs root is done in
//! the console.
//!
//! ## Remediation
//! Sign in as the root user, open *Security credentials*, deactivate and then
//! delete every access key. Give automation an IAM role instead.

use parapet_sdk::prelude::*;

use super::{CIS_TYPE, account_summary};

pub(crate) struct RootAccessKeys;

impl Check for RootAccessKeys {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("iam-root-access-keys", "Root user has no access keys", Severity::Critical)
            .description(module_doc(include_str!("root_access_keys.rs")))
            .finding_type(CIS_TYPE)
            .resource_type(AccountSummary::RESOURCE_TYPE)
            .compliance(["CIS-AWS-3.0/1.4", "AWS-FSBP/IAM.4"])
            .well_architected(Pillar::Security, "SEC02-BP02")
            .remediation(
                "Delete the root user's access keys; use IAM roles for automation.",
                Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let summary = match account_summary(ctx)? {
            Ok(summary) => summary,
            Err(gap) => return Ok(gap),
        };
        let account = ctx.account(GLOBAL_REGION)?;
        let id = account.account.clone();
        Ok(vec![match summary.get("AccountAccessKeysPresent") {
            Some(0) => ctx.finding(
                account,
                Status::Passed,
                format!("the root user of account {id} has no access keys"),
            ),
            Some(_) => ctx.finding(
                account,
                Status::Failed,
                format!("the root user of account {id} has access keys"),
            ),
            None => ctx.finding(
                account,
                Status::NotAvailable,
                format!("the IAM account summary of account {id} lacks AccountAccessKeysPresent"),
            ),
        }])
    }
}
