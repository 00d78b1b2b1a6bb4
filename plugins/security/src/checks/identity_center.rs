//! # People sign in as IAM users instead of through IAM Identity Center
//!
//! ## What it checks
//! People should sign in through IAM Identity Center (federated, short-lived
//! credentials): the check fails when IAM users with console passwords exist
//! and the account has no Identity Center instance
//! (`Parapet::SSOAdmin::Instance`), and warns when both exist (users left
//! behind after moving to Identity Center).
//!
//! ## Why it matters
//! IAM user passwords and keys are long-lived, per account, and leave with
//! nobody when people leave; Identity Center ties access to the company
//! directory, with MFA and one place to revoke it.
//!
//! ## Remediation
//! Enable IAM Identity Center (in the management account), connect the
//! identity provider, grant permission sets, then remove IAM users' console
//! passwords.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::BEST_PRACTICE_TYPE;

pub(crate) struct IdentityCenter;

const INSTANCE: &str = "Parapet::SSOAdmin::Instance";

impl Check for IdentityCenter {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("identity-center-in-use", "People sign in through IAM Identity Center", Severity::Medium)
            .description(module_doc(include_str!("identity_center.rs")))
            .finding_type(BEST_PRACTICE_TYPE)
            .resource_type(INSTANCE)
            .resource_type(CredentialReportRow::RESOURCE_TYPE)
            .well_architected(Pillar::Security, "SEC02-BP04")
            .remediation(
                "Use IAM Identity Center for people and remove IAM users' console passwords.",
                Some("https://docs.aws.amazon.com/singlesignon/latest/userguide/get-started-enable-identity-center.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let federated = !ctx.resources_of::<Value>(INSTANCE)?.is_empty();
        let people: Vec<String> = ctx
            .resources::<CredentialReportRow>()?
            .into_iter()
            .filter(|row| !row.configuration.is_root() && row.configuration.has_console_password())
            .map(|row| row.configuration.user)
            .collect();
        let account = ctx.account(GLOBAL_REGION)?;
        let id = account.account.clone();
        Ok(vec![match (federated, people.is_empty()) {
            (_, true) => ctx.finding(account, Status::Passed, format!("no IAM user of account {id} has a console password")),
            (true, false) => ctx.finding(
                account,
                Status::Warning,
                format!("account {id} uses IAM Identity Center, but IAM users still sign in: {}", people.join(", ")),
            ),
            (false, false) => ctx.finding(
                account,
                Status::Failed,
                format!("people sign in to account {id} as IAM users ({}) and there is no IAM Identity Center", people.join(", ")),
            ),
        }])
    }
}
