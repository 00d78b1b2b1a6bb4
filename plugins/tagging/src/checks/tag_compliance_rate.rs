//! # Account tagging compliance below target
//!
//! ## What it checks
//! The share of the policy's resources that carry every required tag must
//! reach `compliance_target` percent (default 95, the FinOps KPI). One
//! finding for the account, with the rate and the counts per resource type
//! as evidence.
//!
//! ## Settings
//! ```toml
//! [plugins.tagging.settings]
//! compliance_target = 95.0
//! ```
//!
//! ## Why it matters
//! Below the target, the untagged share of spend is too large for chargeback
//! and unit costs to be trusted; it is the headline tagging KPI.
//!
//! ## Remediation
//! Work through `tag-required-keys` failures, largest resource types first,
//! and enforce tags at creation.

use std::collections::BTreeMap;

use parapet_sdk::prelude::*;
use serde_json::json;

use super::{TAGGING_TYPE, reads_taggable};
use crate::settings::Policy;

pub(crate) struct TagComplianceRate;

impl Check for TagComplianceRate {
    fn metadata(&self) -> CheckMetadata {
        reads_taggable(
            CheckMetadata::new("tag-compliance-rate", "Tagging compliance meets the target", Severity::Medium)
                .description(module_doc(include_str!("tag_compliance_rate.rs")))
                .finding_type(TAGGING_TYPE)
                .well_architected(Pillar::CostOptimization, "COST03-BP02")
                .remediation(
                    "Tag the resources that lack required keys until the rate meets the target.",
                    Some("https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/measuring-tagging-compliance.html"),
                ),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let policy = Policy::load(ctx)?;
        let resources = policy.resources(ctx)?;
        let account = ctx.account(GLOBAL_REGION)?;
        let id = account.account.clone();
        if resources.is_empty() {
            return Ok(vec![ctx.finding(
                account,
                Status::NotAvailable,
                format!("account {id} has no taggable resources in the snapshot"),
            )]);
        }
        let mut by_type: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for item in &resources {
            let entry = by_type.entry(&item.resource_type).or_default();
            entry.1 += 1;
            if policy.missing_keys(item).is_empty() {
                entry.0 += 1;
            }
        }
        let compliant: usize = by_type.values().map(|(ok, _)| ok).sum();
        #[allow(
            clippy::cast_precision_loss,
            reason = "resource counts are far below 2^52"
        )]
        let rate = 100.0 * compliant as f64 / resources.len() as f64;
        let target = policy.compliance_target;
        let evidence = json!({
            "Kpi": {"name": "tagging compliance", "value": (rate * 10.0).round() / 10.0, "target": target, "unit": "%", "better": "higher"},
            "RatePercent": (rate * 10.0).round() / 10.0,
            "TargetPercent": target,
            "Compliant": compliant,
            "Total": resources.len(),
            "ByResourceType": by_type.iter().map(|(t, (ok, all))| (t.to_string(), json!({"Compliant": ok, "Total": all}))).collect::<BTreeMap<_, _>>(),
        });
        let summary = format!(
            "{rate:.1}% of {} taggable resources in account {id} carry every required tag",
            resources.len()
        );
        Ok(vec![
            if rate >= target {
                ctx.finding(
                    account,
                    Status::Passed,
                    format!("{summary}, meeting the {target}% target"),
                )
            } else {
                ctx.finding(
                    account,
                    Status::Failed,
                    format!("only {summary}, below the {target}% target"),
                )
            }
            .with_evidence(evidence),
        ])
    }
}
