//! # Policies that allow privilege escalation
//!
//! ## What it checks
//! No customer-managed or inline policy may allow a known way to gain more
//! rights than it grants: passing a role to new compute
//! (`iam:PassRole` with `ec2:RunInstances`, `lambda:CreateFunction`,
//! `ecs:RunTask`, `glue:CreateDevEndpoint` or `cloudformation:CreateStack`),
//! or rewriting permissions (`iam:CreatePolicyVersion`,
//! `iam:SetDefaultPolicyVersion`, `iam:Attach*Policy`, `iam:Put*Policy`,
//! `iam:UpdateAssumeRolePolicy`, `iam:CreateAccessKey`,
//! `iam:CreateLoginProfile`, `iam:UpdateLoginProfile`, `iam:AddUserToGroup`).
//!
//! ## Why it matters
//! Each of these lets whoever holds the policy become an administrator; the
//! policy's apparent scope is not its real one.
//!
//! ## Remediation
//! Remove the action, or constrain it: `iam:PassRole` to named roles with
//! `iam:PassedToService`, policy management to a permissions boundary.

use parapet_sdk::prelude::*;

use super::{BEST_PRACTICE_TYPE, customer_policies, one_per_resource, reads_policies};

pub(crate) struct PrivilegeEscalation;

const REWRITES: &[&str] = &[
    "iam:CreatePolicyVersion",
    "iam:SetDefaultPolicyVersion",
    "iam:AttachUserPolicy",
    "iam:AttachGroupPolicy",
    "iam:AttachRolePolicy",
    "iam:PutUserPolicy",
    "iam:PutGroupPolicy",
    "iam:PutRolePolicy",
    "iam:UpdateAssumeRolePolicy",
    "iam:CreateAccessKey",
    "iam:CreateLoginProfile",
    "iam:UpdateLoginProfile",
    "iam:AddUserToGroup",
];

const PASS_ROLE_TARGETS: &[&str] = &[
    "ec2:RunInstances",
    "lambda:CreateFunction",
    "ecs:RunTask",
    "glue:CreateDevEndpoint",
    "cloudformation:CreateStack",
];

impl Check for PrivilegeEscalation {
    fn metadata(&self) -> CheckMetadata {
        reads_policies(CheckMetadata::new(
            "iam-privilege-escalation",
            "No customer policy allows privilege escalation",
            Severity::High,
        )
        .description(module_doc(include_str!("privilege_escalation.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .well_architected(Pillar::Security, "SEC03-BP02")
        .remediation(
            "Remove or constrain actions that let a principal raise its own permissions.",
            Some(
                "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html",
            ),
        ))
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let verdicts = customer_policies(ctx)?
            .iter()
            .map(|policy| {
                // Only resource-wide grants count: a PassRole scoped to a named
                // role is the recommended pattern.
                let allows = |action: &str| {
                    policy.document.allows().any(|s| {
                        s.covers_action(action) && s.covers_all_resources() && s.condition.is_none()
                    })
                };
                let mut ways: Vec<String> = REWRITES
                    .iter()
                    .filter(|a| allows(a))
                    .map(|a| (*a).to_owned())
                    .collect();
                if allows("iam:PassRole") {
                    ways.extend(
                        PASS_ROLE_TARGETS
                            .iter()
                            .filter(|a| allows(a))
                            .map(|a| format!("iam:PassRole with {a}")),
                    );
                }
                // `*` on `*` is reported by iam-policy-full-admin.
                let full_admin = policy
                    .document
                    .allows()
                    .any(|s| s.covers_all_actions() && s.covers_all_resources());
                let problem = (!ways.is_empty() && !full_admin).then(|| {
                    format!(
                        "{} allows privilege escalation through {}",
                        policy.label,
                        ways.join(", ")
                    )
                });
                let ok = format!("{} allows no known privilege escalation", policy.label);
                (policy.resource.clone(), problem, ok)
            })
            .collect();
        Ok(one_per_resource(ctx, verdicts))
    }
}
