//! # Weak account password policy
//!
//! ## What it checks
//! Whether the account password policy requires at least `minimum_length`
//! characters (default 14), prevents reuse of the last `reuse_prevention`
//! passwords (default 24), and, when `require_complexity` is on (default),
//! requires upper- and lower-case letters, numbers and symbols. An account
//! with no password policy fails.
//!
//! ## Settings
//! ```toml
//! [plugins.iam.settings.password_policy]
//! minimum_length = 14
//! reuse_prevention = 24
//! require_complexity = true
//! ```
//!
//! ## Why it matters
//! Short and reused passwords fall to guessing and credential stuffing; IAM
//! users with console access are only as strong as this policy.
//!
//! ## Remediation
//! `aws iam update-account-password-policy --minimum-password-length 14
//! --password-reuse-prevention 24 --require-symbols --require-numbers
//! --require-uppercase-characters --require-lowercase-characters`

use parapet_sdk::prelude::*;
use serde::Deserialize;

use super::CIS_TYPE;

pub(crate) struct PasswordPolicyStrength;

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Requirements {
    minimum_length: u32,
    reuse_prevention: u32,
    require_complexity: bool,
}

impl Default for Requirements {
    fn default() -> Self {
        Self {
            minimum_length: 14,
            reuse_prevention: 24,
            require_complexity: true,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Settings {
    password_policy: Requirements,
}

impl Check for PasswordPolicyStrength {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("iam-password-policy", "Account password policy is strong", Severity::Medium)
            .description(module_doc(include_str!("password_policy_strength.rs")))
            .finding_type(CIS_TYPE)
            .resource_type(PasswordPolicy::RESOURCE_TYPE)
            .compliance(["CIS-AWS-3.0/1.8", "CIS-AWS-3.0/1.9", "AWS-FSBP/IAM.7"])
            .well_architected(Pillar::Security, "SEC02-BP01")
            .remediation(
                "Require at least 14 characters, prevent reuse of the last 24 passwords and require all character classes.",
                Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let wanted = ctx.settings::<Settings>()?.password_policy;
        let account = ctx.account(GLOBAL_REGION)?;
        let id = account.account.clone();
        let Some(policy) = ctx.resources::<PasswordPolicy>()?.into_iter().next() else {
            if !ctx
                .collection_errors(PasswordPolicy::RESOURCE_TYPE)
                .is_empty()
            {
                // The host reports the collection error; absence proves nothing.
                return Ok(Vec::new());
            }
            return Ok(vec![ctx.finding(
                account,
                Status::Failed,
                format!("account {id} has no password policy"),
            )]);
        };
        let weaknesses = weaknesses(&policy.configuration, &wanted);
        let evidence = serde_json::to_value(&policy.configuration).unwrap_or_default();
        Ok(vec![
            if weaknesses.is_empty() {
                ctx.finding(
                    account,
                    Status::Passed,
                    format!("the password policy of account {id} meets the requirements"),
                )
            } else {
                ctx.finding(
                    account,
                    Status::Failed,
                    format!(
                        "the password policy of account {id} is weak: {}",
                        weaknesses.join("; ")
                    ),
                )
            }
            .with_evidence(evidence),
        ])
    }
}

fn weaknesses(policy: &PasswordPolicy, wanted: &Requirements) -> Vec<String> {
    let mut found = Vec::new();
    let length = policy.minimum_password_length.unwrap_or(0);
    if length < wanted.minimum_length {
        found.push(format!(
            "minimum length {length} is below {}",
            wanted.minimum_length
        ));
    }
    let reuse = policy.password_reuse_prevention.unwrap_or(0);
    if reuse < wanted.reuse_prevention {
        found.push(format!(
            "reuse prevention {reuse} is below {}",
            wanted.reuse_prevention
        ));
    }
    if wanted.require_complexity {
        for (required, class) in [
            (policy.require_uppercase_characters, "upper-case letters"),
            (policy.require_lowercase_characters, "lower-case letters"),
            (policy.require_numbers, "numbers"),
            (policy.require_symbols, "symbols"),
        ] {
            if !required {
                found.push(format!("{class} are not required"));
            }
        }
    }
    found
}
