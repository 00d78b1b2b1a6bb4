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

use super::{BEST_PRACTICE_TYPE, customer_policies, one_per_resource, reads_policies};

pub(crate) struct PolicyFullAdmin;

impl Check for PolicyFullAdmin {
    fn metadata(&self) -> CheckMetadata {
        reads_policies(CheckMetadata::new("iam-policy-full-admin", "No customer policy grants * on *", Severity::High)
            .description(module_doc(include_str!("policy_full_admin.rs")))
            .finding_type(BEST_PRACTICE_TYPE)
            .compliance(["CIS-AWS-3.0/1.16", "AWS-FSBP/IAM.1", "AWS-FSBP/IAM.21"])
            .well_architected(Pillar::Security, "SEC03-BP02")
            .remediation(
                "Replace wildcard actions with the specific actions the workload needs.",
                Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"),
            ))
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let verdicts = customer_policies(ctx)?
            .iter()
            .map(|policy| {
                let admin = policy.document.allows().any(|statement| {
                    statement.covers_all_actions() && statement.covers_all_resources()
                });
                let problem = admin.then(|| format!("{} allows * on *", policy.label));
                (
                    policy.resource.clone(),
                    problem,
                    format!("{} does not allow * on *", policy.label),
                )
            })
            .collect();
        Ok(one_per_resource(ctx, verdicts))
    }
}
