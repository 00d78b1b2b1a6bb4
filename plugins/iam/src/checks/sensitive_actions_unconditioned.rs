//! # Sensitive actions allowed without the required conditions
//!
//! ## What it checks
//! Where an organisation requires conditions on sensitive actions, no
//! customer-managed or inline policy may allow those actions without at
//! least one of the required condition keys. By default the sensitive
//! actions are IAM and KMS key administration and the conditions
//! `aws:MultiFactorAuthPresent` or `aws:SourceIp`.
//!
//! ## Settings
//! ```toml
//! [plugins.iam.settings.sensitive_actions]
//! actions = ["iam:*", "kms:ScheduleKeyDeletion", "kms:PutKeyPolicy", "organizations:*"]
//! required_condition_keys = ["aws:MultiFactorAuthPresent", "aws:SourceIp"]
//! ```
//!
//! ## Why it matters
//! Stolen long-term credentials used from anywhere are the common case in
//! IAM incidents; requiring MFA or a corporate network for the dangerous
//! actions turns most of them into failed API calls.
//!
//! ## Remediation
//! Add a `Condition` with one of the required keys to the statement, for
//! example `"Bool": {"aws:MultiFactorAuthPresent": "true"}`.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::policy::wildcard_match;
use serde::Deserialize;

use super::{BEST_PRACTICE_TYPE, customer_policies, one_per_resource, reads_policies};

pub(crate) struct SensitiveActionsUnconditioned;

#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Requirement {
    actions: Vec<String>,
    required_condition_keys: Vec<String>,
}

impl Default for Requirement {
    fn default() -> Self {
        Self {
            actions: [
                "iam:*",
                "kms:ScheduleKeyDeletion",
                "kms:PutKeyPolicy",
                "kms:DisableKey",
                "organizations:*",
            ]
            .map(String::from)
            .to_vec(),
            required_condition_keys: ["aws:MultiFactorAuthPresent", "aws:SourceIp"]
                .map(String::from)
                .to_vec(),
        }
    }
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct Settings {
    sensitive_actions: Requirement,
}

/// Whether any condition operator in the block tests one of `keys`.
fn has_required_key(condition: Option<&serde_json::Value>, keys: &[String]) -> bool {
    condition
        .and_then(|c| c.as_object())
        .is_some_and(|operators| {
            operators
                .values()
                .filter_map(|v| v.as_object())
                .any(|tests| {
                    tests
                        .keys()
                        .any(|key| keys.iter().any(|wanted| wanted.eq_ignore_ascii_case(key)))
                })
        })
}

impl Check for SensitiveActionsUnconditioned {
    fn metadata(&self) -> CheckMetadata {
        reads_policies(CheckMetadata::new(
            "iam-sensitive-actions-unconditioned",
            "Sensitive actions require MFA or a trusted network",
            Severity::Medium,
        )
        .description(module_doc(include_str!("sensitive_actions_unconditioned.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .well_architected(Pillar::Security, "SEC03-BP02")
        .remediation(
            "Add an aws:MultiFactorAuthPresent or aws:SourceIp condition to statements that allow sensitive actions.",
            Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html"),
        ))
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let rule = ctx.settings::<Settings>()?.sensitive_actions;
        let verdicts = customer_policies(ctx)?
            .iter()
            .map(|policy| {
                // Name the statement's own actions that are sensitive, or the
                // sensitive pattern a wildcard statement covers.
                let mut loose: Vec<String> = policy
                    .document
                    .allows()
                    .filter(|s| {
                        !has_required_key(s.condition.as_ref(), &rule.required_condition_keys)
                    })
                    .flat_map(|s| {
                        rule.actions.iter().filter_map(move |pattern| {
                            s.action
                                .iter()
                                .find(|own| wildcard_match(pattern, own))
                                .cloned()
                                .or_else(|| s.covers_action(pattern).then(|| pattern.clone()))
                        })
                    })
                    .collect();
                loose.sort();
                loose.dedup();
                let problem = (!loose.is_empty()).then(|| {
                    format!(
                        "{} allows {} without {}",
                        policy.label,
                        loose.join(", "),
                        rule.required_condition_keys.join(" or ")
                    )
                });
                let ok = format!(
                    "{} allows no sensitive action without a required condition",
                    policy.label
                );
                (policy.resource.clone(), problem, ok)
            })
            .collect();
        Ok(one_per_resource(ctx, verdicts))
    }
}
