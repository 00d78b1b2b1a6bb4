//! # Root user without MFA
//!
//! ## What it checks
//! Whether the account's root user has multi-factor authentication enabled
//! (`AccountMFAEnabled` in the IAM account summary).
//!
//! ## Why it matters
//! The root user can do anything in the account, including closing it, and
//! IAM policies cannot restrict it. A leaked root password without MFA is a
//! full account takeover.
//!
//! ## Remediation
//! Sign in as the root user, open *Security credentials* and assign an MFA
//! device; prefer a hardware key. Then lock the root credentials away.

use parapet_sdk::prelude::*;

use super::{CIS_TYPE, account_summary};

pub(crate) struct RootUserMfa;

impl Check for RootUserMfa {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "iam-root-mfa",
            "Root user has MFA enabled",
            Severity::Critical,
        )
        .description(module_doc(include_str!("root_user_mfa.rs")))
        .finding_type(CIS_TYPE)
        .resource_type(AccountSummary::RESOURCE_TYPE)
        .compliance(["CIS-AWS-3.0/1.5", "AWS-FSBP/IAM.9"])
        .well_architected(Pillar::Security, "SEC02-BP01")
        .remediation(
            "Assign an MFA device to the root user, preferably a hardware key.",
            Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-virt-mfa-for-root.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let summary = match account_summary(ctx)? {
            Ok(summary) => summary,
            Err(gap) => return Ok(gap),
        };
        let account = ctx.account(GLOBAL_REGION)?;
        let id = account.account.clone();
        Ok(vec![match summary.get("AccountMFAEnabled") {
            Some(1) => ctx.finding(
                account,
                Status::Passed,
                format!("the root user of account {id} has MFA enabled"),
            ),
            Some(_) => ctx.finding(
                account,
                Status::Failed,
                format!("the root user of account {id} has no MFA device"),
            ),
            None => ctx.finding(
                account,
                Status::NotAvailable,
                format!("the IAM account summary of account {id} lacks AccountMFAEnabled"),
            ),
        }])
    }
}
