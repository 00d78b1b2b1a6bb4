//! # Cross-account role trust without ExternalId or MFA
//!
//! ## What it checks
//! Every role whose trust policy lets another AWS account assume it must
//! require `sts:ExternalId` (for third parties) or
//! `aws:MultiFactorAuthPresent` (for people) in a condition. Service
//! principals and the account's own principals are not inspected.
//!
//! ## Why it matters
//! Without an external id, any customer of the same third party can ask it
//! to act on your account (the confused deputy); without MFA, a leaked key in
//! the other account is enough to cross over.
//!
//! ## Remediation
//! Add `"Condition": {"StringEquals": {"sts:ExternalId": "<secret>"}}` for
//! third parties, or `"Bool": {"aws:MultiFactorAuthPresent": "true"}` for
//! people, to the trust statement.

use parapet_sdk::prelude::*;

use super::BEST_PRACTICE_TYPE;

pub(crate) struct CrossAccountTrust;

/// Accounts other than `own` named by an AWS principal (or `*`).
fn foreign_accounts(principal: Option<&serde_json::Value>, own: &str) -> Vec<String> {
    let aws = match principal {
        Some(serde_json::Value::String(star)) if star == "*" => return vec!["*".to_owned()],
        Some(serde_json::Value::Object(map)) => map.get("AWS"),
        _ => None,
    };
    let entries: Vec<&str> = match aws {
        Some(serde_json::Value::String(one)) => vec![one.as_str()],
        Some(serde_json::Value::Array(many)) => many.iter().filter_map(|v| v.as_str()).collect(),
        _ => Vec::new(),
    };
    entries
        .into_iter()
        .map(|entry| {
            if entry == "*" || (entry.len() == 12 && entry.chars().all(|c| c.is_ascii_digit())) {
                entry.to_owned()
            } else {
                entry.split(':').nth(4).unwrap_or_default().to_owned()
            }
        })
        .filter(|account| !account.is_empty() && account != own)
        .collect()
}

fn guarded(condition: Option<&serde_json::Value>) -> bool {
    condition
        .and_then(|c| c.as_object())
        .is_some_and(|operators| {
            operators
                .values()
                .filter_map(|v| v.as_object())
                .any(|tests| {
                    tests.keys().any(|k| {
                        k.eq_ignore_ascii_case("sts:ExternalId")
                            || k.eq_ignore_ascii_case("aws:MultiFactorAuthPresent")
                    })
                })
        })
}

impl Check for CrossAccountTrust {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "iam-cross-account-trust-unguarded",
            "Cross-account role trust requires an external id or MFA",
            Severity::High,
        )
        .description(module_doc(include_str!("cross_account_trust.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .resource_type(Role::RESOURCE_TYPE)
        .well_architected(Pillar::Security, "SEC03-BP09")
        .remediation(
            "Require sts:ExternalId or aws:MultiFactorAuthPresent in cross-account trust policies.",
            Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let own = ctx.scan()?.account_id;
        let mut findings = Vec::new();
        for role in ctx.resources::<Role>()? {
            let name = &role.configuration.role_name;
            let trust = PolicyDocument::from_value(&role.configuration.assume_role_policy_document)
                .map_err(|e| {
                    PluginError::InvalidResource(format!("trust policy of IAM role {name}: {e}"))
                })?;
            let mut open: Vec<String> = trust
                .allows()
                .filter(|s| !guarded(s.condition.as_ref()))
                .flat_map(|s| foreign_accounts(s.principal.as_ref(), &own))
                .collect();
            let crosses = trust
                .allows()
                .any(|s| !foreign_accounts(s.principal.as_ref(), &own).is_empty());
            if !crosses {
                continue;
            }
            open.sort();
            open.dedup();
            findings.push(if open.is_empty() {
                ctx.finding(
                    &role,
                    Status::Passed,
                    format!("IAM role {name}'s cross-account trust requires an external id or MFA"),
                )
            } else {
                ctx.finding(
                    &role,
                    Status::Failed,
                    format!(
                        "IAM role {name} can be assumed from {} without an external id or MFA",
                        open.join(", ")
                    ),
                )
            });
        }
        Ok(findings)
    }
}
