//! # Console users without MFA
//!
//! ## What it checks
//! Every IAM user in the credential report that has a console password
//! (`password_enabled`) must have an MFA device (`mfa_active`). Users without
//! a console password are not inspected.
//!
//! ## Why it matters
//! A password alone is phished, guessed or reused; MFA stops most of these
//! sign-ins. The console is where a stolen password does the most harm.
//!
//! ## Remediation
//! Assign an MFA device to each listed user, or remove their console
//! password if they do not need the console. Better still, move people to IAM
//! Identity Center and remove IAM user passwords.

use parapet_sdk::prelude::*;

use super::CIS_TYPE;

pub(crate) struct ConsoleUserMfa;

impl Check for ConsoleUserMfa {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "iam-console-user-mfa",
            "IAM users with a console password have MFA",
            Severity::High,
        )
        .description(module_doc(include_str!("console_user_mfa.rs")))
        .finding_type(CIS_TYPE)
        .resource_type(CredentialReportRow::RESOURCE_TYPE)
        .compliance(["CIS-AWS-3.0/1.10", "AWS-FSBP/IAM.5"])
        .well_architected(Pillar::Security, "SEC02-BP01")
        .remediation(
            "Assign an MFA device to every IAM user that has a console password.",
            Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let rows = ctx.resources::<CredentialReportRow>()?;
        Ok(rows
            .iter()
            .filter(|row| !row.configuration.is_root() && row.configuration.has_console_password())
            .map(|row| {
                let user = &row.configuration.user;
                if row.configuration.has_mfa() {
                    ctx.finding(
                        super::user_of(row),
                        Status::Passed,
                        format!("IAM user {user} signs in to the console with MFA"),
                    )
                } else {
                    ctx.finding(
                        super::user_of(row),
                        Status::Failed,
                        format!("IAM user {user} has a console password and no MFA device"),
                    )
                }
            })
            .collect())
    }
}
