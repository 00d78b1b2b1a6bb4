//! # No support role
//!
//! ## What it checks
//! At least one IAM role must have the AWS managed policy
//! `AWSSupportAccess` attached, so incidents can be raised with AWS Support
//! without the root user or personal administrator rights.
//!
//! ## Why it matters
//! During an incident someone must be able to open a support case quickly,
//! with an auditable identity and nothing more than support access.
//!
//! ## Remediation
//! Create a role (for example `aws-support`) trusted by your identity
//! provider or account and attach `arn:aws:iam::aws:policy/AWSSupportAccess`.

use parapet_sdk::prelude::*;

use super::CIS_TYPE;

pub(crate) struct SupportRole;

const SUPPORT_POLICY: &str = "AWSSupportAccess";

impl Check for SupportRole {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "iam-support-role",
            "A role for AWS Support exists",
            Severity::Low,
        )
        .description(module_doc(include_str!("support_role.rs")))
        .finding_type(CIS_TYPE)
        .resource_type(Role::RESOURCE_TYPE)
        .compliance(["CIS-AWS-3.0/1.17"])
        .well_architected(Pillar::OperationalExcellence, "OPS10-BP03")
        .remediation(
            "Create a role with the AWSSupportAccess managed policy attached.",
            Some("https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        if !ctx.collection_errors(Role::RESOURCE_TYPE).is_empty() {
            return Ok(Vec::new());
        }
        let roles = ctx.resources::<Role>()?;
        let support: Vec<&str> = roles
            .iter()
            .filter(|r| {
                r.configuration
                    .attached_managed_policies
                    .iter()
                    .any(|p| p.policy_name == SUPPORT_POLICY)
            })
            .map(|r| r.configuration.role_name.as_str())
            .collect();
        let account = ctx.account(GLOBAL_REGION)?;
        let id = account.account.clone();
        Ok(vec![if support.is_empty() {
            ctx.finding(
                account,
                Status::Failed,
                format!("account {id} has no role with {SUPPORT_POLICY} attached"),
            )
        } else {
            ctx.finding(
                account,
                Status::Passed,
                format!("account {id} has a support role: {}", support.join(", ")),
            )
        }])
    }
}
