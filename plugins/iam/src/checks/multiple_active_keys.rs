//! # User with two active access keys
//!
//! ## What it checks
//! No IAM user may have both of its access keys active.
//!
//! ## Why it matters
//! Two active keys are meant to be a short overlap during rotation; kept
//! for good, the old key stays valid wherever it leaked.
//!
//! ## Remediation
//! Finish the rotation: deactivate, then delete, the key no longer in use.

use parapet_sdk::prelude::*;

use super::CIS_TYPE;

pub(crate) struct MultipleActiveKeys;

impl Check for MultipleActiveKeys {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "iam-multiple-active-keys",
            "Users have at most one active access key",
            Severity::Low,
        )
        .description(module_doc(include_str!("multiple_active_keys.rs")))
        .finding_type(CIS_TYPE)
        .resource_type(CredentialReportRow::RESOURCE_TYPE)
        .compliance(["CIS-AWS-3.0/1.13"])
        .well_architected(Pillar::Security, "SEC02-BP05")
        .remediation(
            "Deactivate and delete the access key that is no longer used.",
            Some(
                "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
            ),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<CredentialReportRow>()?
            .iter()
            .filter(|row| {
                !row.configuration.is_root() && row.configuration.active_access_keys() > 0
            })
            .map(|row| {
                let user = &row.configuration.user;
                if row.configuration.active_access_keys() > 1 {
                    ctx.finding(
                        super::user_of(row),
                        Status::Failed,
                        format!("IAM user {user} has two active access keys"),
                    )
                } else {
                    ctx.finding(
                        super::user_of(row),
                        Status::Passed,
                        format!("IAM user {user} has one active access key"),
                    )
                }
            })
            .collect())
    }
}
