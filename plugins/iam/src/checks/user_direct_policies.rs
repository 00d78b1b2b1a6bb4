//! # User with policies attached directly
//!
//! ## What it checks
//! No IAM user may have managed policies attached or inline policies
//! embedded; permissions come through groups (or, better, roles).
//!
//! ## Why it matters
//! Per-user grants drift apart, are forgotten when people change teams, and
//! make "who can do what" a question about every user instead of a few
//! groups.
//!
//! ## Remediation
//! Move the permissions to a group that fits the user's job, add the user
//! to it, and detach or delete the user's own policies.

use parapet_sdk::prelude::*;

use super::CIS_TYPE;

pub(crate) struct UserDirectPolicies;

impl Check for UserDirectPolicies {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("iam-user-direct-policies", "Users get permissions only through groups", Severity::Low)
            .description(module_doc(include_str!("user_direct_policies.rs")))
            .finding_type(CIS_TYPE)
            .resource_type(User::RESOURCE_TYPE)
            .compliance(["CIS-AWS-3.0/1.15", "AWS-FSBP/IAM.2"])
            .well_architected(Pillar::Security, "SEC03-BP01")
            .remediation(
                "Grant permissions through groups instead of attaching policies to users.",
                Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<User>()?
            .iter()
            .map(|user| {
                let config = &user.configuration;
                let mut direct: Vec<&str> = config
                    .attached_managed_policies
                    .iter()
                    .map(|p| p.policy_name.as_str())
                    .collect();
                direct.extend(
                    config
                        .user_policy_list
                        .iter()
                        .map(|p| p.policy_name.as_str()),
                );
                if direct.is_empty() {
                    ctx.finding(
                        user,
                        Status::Passed,
                        format!("IAM user {} has no policies of its own", config.user_name),
                    )
                } else {
                    ctx.finding(
                        user,
                        Status::Failed,
                        format!(
                            "IAM user {} has policies attached directly: {}",
                            config.user_name,
                            direct.join(", ")
                        ),
                    )
                }
            })
            .collect())
    }
}
