//! # Member accounts without a service control policy
//!
//! ## What it checks
//! From the organization's management (or delegated) account: every active
//! member account must have a service control policy beyond
//! `FullAWSAccess` in force, attached to the account or inherited from its
//! organizational units (`Parapet::Organizations::Account`,
//! `supplementaryConfiguration.EffectivePolicies`). Accounts the snapshot
//! does not describe are not inspected.
//!
//! ## Why it matters
//! SCPs are the guardrails no account administrator can remove: deny
//! leaving the organization, disabling CloudTrail or GuardDuty, using
//! unapproved regions. `FullAWSAccess` alone sets no guardrail at all.
//!
//! ## Remediation
//! Attach guardrail SCPs to the organization's OUs (for example the AWS
//! Control Tower or the AWS "SCP examples" set).

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{BEST_PRACTICE_TYPE, text};

pub(crate) struct OrganizationsScp;

const MEMBER: &str = "Parapet::Organizations::Account";

impl Check for OrganizationsScp {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("organizations-scp-guardrails", "Member accounts have SCP guardrails", Severity::Medium)
            .description(module_doc(include_str!("organizations_scp.rs")))
            .finding_type(BEST_PRACTICE_TYPE)
            .resource_type(MEMBER)
            .well_architected(Pillar::Security, "SEC01-BP02")
            .remediation(
                "Attach guardrail SCPs beyond FullAWSAccess to every member account's OU.",
                Some("https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources_of::<Value>(MEMBER)?
            .iter()
            .filter(|member| text(&member.configuration, "/Status") == "ACTIVE")
            .map(|member| {
                let name = text(&member.configuration, "/Name");
                let id = text(&member.configuration, "/Id");
                let guardrails: Vec<&str> = member
                    .supplementary_configuration
                    .get("EffectivePolicies")
                    .and_then(Value::as_array)
                    .map(|policies| {
                        policies
                            .iter()
                            .map(|p| text(p, "/Name"))
                            .filter(|n| *n != "FullAWSAccess" && !n.is_empty())
                            .collect()
                    })
                    .unwrap_or_default();
                if guardrails.is_empty() {
                    ctx.finding(
                        member,
                        Status::Failed,
                        format!("member account {name} ({id}) has no SCP beyond FullAWSAccess"),
                    )
                } else {
                    ctx.finding(
                        member,
                        Status::Passed,
                        format!(
                            "member account {name} ({id}) is guarded by {}",
                            guardrails.join(", ")
                        ),
                    )
                }
            })
            .collect())
    }
}
