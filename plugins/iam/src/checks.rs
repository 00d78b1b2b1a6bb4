mod access_analyzer_enabled;
mod access_key_rotation;
mod console_user_mfa;
mod cross_account_trust;
mod expired_server_certificates;
mod multiple_active_keys;
mod password_policy_strength;
mod policy_full_admin;
mod policy_service_wildcard;
mod privilege_escalation;
mod root_access_keys;
mod root_hardware_mfa;
mod root_used_recently;
mod root_user_mfa;
mod sensitive_actions_unconditioned;
mod support_role;
mod unused_credentials;
mod user_direct_policies;

pub(crate) use access_analyzer_enabled::AccessAnalyzerEnabled;
pub(crate) use access_key_rotation::AccessKeyRotation;
pub(crate) use console_user_mfa::ConsoleUserMfa;
pub(crate) use cross_account_trust::CrossAccountTrust;
pub(crate) use expired_server_certificates::ExpiredServerCertificates;
pub(crate) use multiple_active_keys::MultipleActiveKeys;
pub(crate) use password_policy_strength::PasswordPolicyStrength;
pub(crate) use policy_full_admin::PolicyFullAdmin;
pub(crate) use policy_service_wildcard::PolicyServiceWildcard;
pub(crate) use privilege_escalation::PrivilegeEscalation;
pub(crate) use root_access_keys::RootAccessKeys;
pub(crate) use root_hardware_mfa::RootHardwareMfa;
pub(crate) use root_used_recently::RootUsedRecently;
pub(crate) use root_user_mfa::RootUserMfa;
pub(crate) use sensitive_actions_unconditioned::SensitiveActionsUnconditioned;
pub(crate) use support_role::SupportRole;
pub(crate) use unused_credentials::UnusedCredentials;
pub(crate) use user_direct_policies::UserDirectPolicies;

use std::rc::Rc;

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

/// Whole days from `then` to `now` (negative when `then` is later).
pub(crate) fn days_between(then: jiff::Timestamp, now: jiff::Timestamp) -> i64 {
    (now.as_second() - then.as_second()).div_euclid(86_400)
}

/// Declares the resource types `customer_policies` reads.
pub(crate) fn reads_policies(meta: CheckMetadata) -> CheckMetadata {
    meta.resource_type(ManagedPolicy::RESOURCE_TYPE)
        .resource_type(User::RESOURCE_TYPE)
        .resource_type(Group::RESOURCE_TYPE)
        .resource_type(Role::RESOURCE_TYPE)
}

/// A policy document found in the account: where it lives and what it says.
pub(crate) struct FoundPolicy {
    /// The resource a finding names: the managed policy, or the principal
    /// that embeds the inline policy.
    pub(crate) resource: ResourceRef,
    /// `customer-managed policy X` or `inline policy X of IAM role Y`.
    pub(crate) label: String,
    pub(crate) document: PolicyDocument,
}

/// Every customer-managed policy (default version) and every inline policy
/// of a user, group or role, parsed once per plugin run.
pub(crate) fn customer_policies(ctx: &Context) -> Result<Rc<Vec<FoundPolicy>>, PluginError> {
    ctx.memo("iam/customer-policies", || {
        parse_customer_policies(ctx).map(Rc::new)
    })
}

fn parse_customer_policies(ctx: &Context) -> Result<Vec<FoundPolicy>, PluginError> {
    let parse = |value: &serde_json::Value, label: &str| {
        PolicyDocument::from_value(value)
            .map_err(|e| PluginError::InvalidResource(format!("{label}: {e}")))
    };
    let mut found = Vec::new();
    for policy in ctx.resources::<ManagedPolicy>()? {
        if policy.configuration.is_aws_managed() {
            continue;
        }
        let label = format!(
            "customer-managed policy {}",
            policy.configuration.policy_name
        );
        let Some(document) = policy.configuration.default_document() else {
            continue;
        };
        found.push(FoundPolicy {
            document: parse(document, &label)?,
            resource: ResourceRef::from(&policy),
            label,
        });
    }
    let mut inline =
        |item_ref: ResourceRef,
         owner: String,
         policies: &[parapet_sdk::snapshot::types::iam::InlinePolicy]| {
            for policy in policies {
                let label = format!("inline policy {} of {owner}", policy.policy_name);
                found.push(FoundPolicy {
                    document: parse(&policy.policy_document, &label)?,
                    resource: item_ref.clone(),
                    label,
                });
            }
            Ok::<(), PluginError>(())
        };
    for user in ctx.resources::<User>()? {
        inline(
            ResourceRef::from(&user),
            format!("IAM user {}", user.configuration.user_name),
            &user.configuration.user_policy_list,
        )?;
    }
    for group in ctx.resources::<Group>()? {
        inline(
            ResourceRef::from(&group),
            format!("IAM group {}", group.configuration.group_name),
            &group.configuration.group_policy_list,
        )?;
    }
    for role in ctx.resources::<Role>()? {
        inline(
            ResourceRef::from(&role),
            format!("IAM role {}", role.configuration.role_name),
            &role.configuration.role_policy_list,
        )?;
    }
    Ok(found)
}

/// Findings about a user name the user, not their credential report row.
pub(crate) fn user_of(row: &ConfigurationItem<CredentialReportRow>) -> ResourceRef {
    ResourceRef {
        resource_type: User::RESOURCE_TYPE.to_owned(),
        id: if row.configuration.arn.is_empty() {
            row.resource_id.clone()
        } else {
            row.configuration.arn.clone()
        },
        region: row.aws_region.clone(),
        account: row.account_id.clone(),
    }
}

/// One finding per resource: failed with every problem found, else passed.
pub(crate) fn one_per_resource(
    ctx: &Context,
    verdicts: Vec<(ResourceRef, Option<String>, String)>,
) -> Vec<Finding> {
    // Keeps the resources' order; the index makes merging linear, which
    // matters with tens of thousands of principals.
    let mut merged: Vec<(ResourceRef, Vec<String>, String)> = Vec::new();
    let mut position: std::collections::HashMap<ResourceRef, usize> =
        std::collections::HashMap::new();
    for (resource, problem, ok) in verdicts {
        match position.get(&resource) {
            Some(&at) => merged[at].1.extend(problem),
            None => {
                position.insert(resource.clone(), merged.len());
                merged.push((resource, problem.into_iter().collect(), ok));
            }
        }
    }
    merged
        .into_iter()
        .map(|(resource, problems, ok)| {
            if problems.is_empty() {
                ctx.finding(resource, Status::Passed, ok)
            } else {
                ctx.finding(resource, Status::Failed, problems.join("; "))
            }
        })
        .collect()
}
