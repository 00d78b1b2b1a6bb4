//! # Policies granting `*` on `*`
//!
//! ## What it checks
//! Every customer-managed policy (its default version) and every inline
//! policy of a user, group or role: none may have an `Allow` statement whose
//! action is `*` and whose resource is `*`. AWS-managed policies such as
//! `AdministratorAccess` are out of scope: who holds them is another check.
//!
//! ## Why it matters
//! Full administrator rights written into home-grown policies spread
//! unnoticed: every principal the policy reaches can do anything, including
//! disabling logging and creating new administrators.
//!
//! ## Remediation
//! Replace `"Action": "*"` with the actions the workload needs (IAM Access
//! Analyzer can generate a policy from CloudTrail activity), and keep full
//! administration to a few audited roles.

use parapet_sdk::prelude::*;
use serde_json::{Value, json};

use super::BEST_PRACTICE_TYPE;

pub(crate) struct PolicyFullAdmin;

impl Check for PolicyFullAdmin {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("iam-policy-full-admin", "No customer policy grants * on *", Severity::High)
            .description(module_doc(include_str!("policy_full_admin.rs")))
            .finding_type(BEST_PRACTICE_TYPE)
            .resource_type(ManagedPolicy::RESOURCE_TYPE)
            .resource_type(User::RESOURCE_TYPE)
            .resource_type(Group::RESOURCE_TYPE)
            .resource_type(Role::RESOURCE_TYPE)
            .compliance(["CIS-AWS-3.0/1.16", "AWS-FSBP/IAM.1", "AWS-FSBP/IAM.21"])
            .well_architected(Pillar::Security, "SEC03-BP02")
            .remediation(
                "Replace wildcard actions with the specific actions the workload needs.",
                Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let mut findings = Vec::new();
        for policy in ctx.resources::<ManagedPolicy>()? {
            if policy.configuration.is_aws_managed() {
                continue;
            }
            let name = &policy.configuration.policy_name;
            let document = policy
                .configuration
                .default_document()
                .cloned()
                .unwrap_or(Value::Null);
            let finding = if grants_full_admin(&document, name)? {
                ctx.finding(
                    &policy,
                    Status::Failed,
                    format!("customer-managed policy {name} allows * on *"),
                )
                .with_evidence(json!({"AttachmentCount": policy.configuration.attachment_count}))
            } else {
                ctx.finding(
                    &policy,
                    Status::Passed,
                    format!("customer-managed policy {name} does not allow * on *"),
                )
            };
            findings.push(finding);
        }
        for user in ctx.resources::<User>()? {
            let owner = format!("IAM user {}", user.configuration.user_name);
            findings.extend(inline_finding(
                ctx,
                &user,
                &owner,
                &user.configuration.user_policy_list,
            )?);
        }
        for group in ctx.resources::<Group>()? {
            let owner = format!("IAM group {}", group.configuration.group_name);
            findings.extend(inline_finding(
                ctx,
                &group,
                &owner,
                &group.configuration.group_policy_list,
            )?);
        }
        for role in ctx.resources::<Role>()? {
            let owner = format!("IAM role {}", role.configuration.role_name);
            findings.extend(inline_finding(
                ctx,
                &role,
                &owner,
                &role.configuration.role_policy_list,
            )?);
        }
        Ok(findings)
    }
}

/// A verdict on a principal's inline policies; none for a principal without any.
fn inline_finding<C>(
    ctx: &Context,
    item: &ConfigurationItem<C>,
    owner: &str,
    policies: &[parapet_sdk::snapshot::types::iam::InlinePolicy],
) -> Result<Option<Finding>, PluginError> {
    if policies.is_empty() {
        return Ok(None);
    }
    let mut offending = Vec::new();
    for policy in policies {
        if grants_full_admin(&policy.policy_document, &policy.policy_name)? {
            offending.push(policy.policy_name.clone());
        }
    }
    Ok(Some(if offending.is_empty() {
        ctx.finding(
            item,
            Status::Passed,
            format!("no inline policy of {owner} allows * on *"),
        )
    } else {
        ctx.finding(
            item,
            Status::Failed,
            format!(
                "inline policy {} of {owner} allows * on *",
                offending.join(", ")
            ),
        )
        .with_evidence(json!({"Policies": offending}))
    }))
}

fn grants_full_admin(document: &Value, name: &str) -> Result<bool, PluginError> {
    let document = PolicyDocument::from_value(document)
        .map_err(|error| PluginError::InvalidResource(format!("policy {name}: {error}")))?;
    Ok(document
        .allows()
        .any(|statement| statement.covers_all_actions() && statement.covers_all_resources()))
}
