mod console_user_mfa;
mod password_policy_strength;
mod policy_full_admin;
mod root_access_keys;
mod root_user_mfa;

pub(crate) use console_user_mfa::ConsoleUserMfa;
pub(crate) use password_policy_strength::PasswordPolicyStrength;
pub(crate) use policy_full_admin::PolicyFullAdmin;
pub(crate) use root_access_keys::RootAccessKeys;
pub(crate) use root_user_mfa::RootUserMfa;

use parapet_sdk::prelude::*;

/// ASFF type for checks that implement a CIS AWS Foundations Benchmark control.
pub(crate) const CIS_TYPE: &str = "Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark";

/// ASFF type for AWS security best-practice checks.
pub(crate) const BEST_PRACTICE_TYPE: &str =
    "Software and Configuration Checks/AWS Security Best Practices";

/// The account summary, or the findings to report when it is missing.
///
/// When a collection error explains the gap, the host already reports it as
/// not-available for every check that reads the type, so nothing is added here.
pub(crate) fn account_summary(
    ctx: &Context,
) -> Result<Result<AccountSummary, Vec<Finding>>, PluginError> {
    if let Some(item) = ctx.resources::<AccountSummary>()?.into_iter().next() {
        return Ok(Ok(item.configuration));
    }
    if !ctx
        .collection_errors(AccountSummary::RESOURCE_TYPE)
        .is_empty()
    {
        return Ok(Err(Vec::new()));
    }
    let account = ctx.account(GLOBAL_REGION)?;
    let message = format!(
        "account {} could not be checked: the snapshot has no IAM account summary",
        account.account
    );
    Ok(Err(vec![ctx.finding(
        account,
        Status::NotAvailable,
        message,
    )]))
}
