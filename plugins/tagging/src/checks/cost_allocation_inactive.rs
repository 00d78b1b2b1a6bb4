//! # Required tag not activated for cost allocation
//!
//! ## What it checks
//! Every required tag key must be an active cost-allocation tag in Billing
//! (`ListCostAllocationTags`, snapshot type `Parapet::CE::CostAllocationTag`).
//! A key that is inactive, or that Billing has never seen, fails. Meaningful
//! in the payer (management) account.
//!
//! ## Why it matters
//! Until a key is activated, Cost Explorer and the Cost and Usage Report
//! ignore it: every tag on every resource is invisible to chargeback.
//!
//! ## Remediation
//! Billing console → *Cost allocation tags* → activate the keys, or
//! `aws ce update-cost-allocation-tags-status`. Activation is not
//! retroactive; do it early.

use parapet_sdk::prelude::*;
use serde::Deserialize;

use super::TAGGING_TYPE;
use crate::settings::Policy;

pub(crate) struct CostAllocationInactive;

/// One entry of `ListCostAllocationTags`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct CostAllocationTag {
    tag_key: String,
    /// `Active` or `Inactive`.
    status: String,
}

const COST_ALLOCATION_TAG: &str = "Parapet::CE::CostAllocationTag";

impl Check for CostAllocationInactive {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "tag-cost-allocation-inactive",
            "Required tags are active cost-allocation tags",
            Severity::Medium,
        )
        .description(module_doc(include_str!("cost_allocation_inactive.rs")))
        .finding_type(TAGGING_TYPE)
        .resource_type(COST_ALLOCATION_TAG)
        .well_architected(Pillar::CostOptimization, "COST03-BP02")
        .remediation(
            "Activate every required tag key as a cost-allocation tag in Billing.",
            Some(
                "https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/activating-tags.html",
            ),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        if !ctx.collection_errors(COST_ALLOCATION_TAG).is_empty() {
            return Ok(Vec::new());
        }
        let policy = Policy::load(ctx)?;
        let tags = ctx.resources_of::<CostAllocationTag>(COST_ALLOCATION_TAG)?;
        if tags.is_empty() {
            let account = ctx.account(GLOBAL_REGION)?;
            let message = format!(
                "account {} has no cost-allocation tag data in the snapshot (collect from the payer account)",
                account.account
            );
            return Ok(vec![ctx.finding(account, Status::NotAvailable, message)]);
        }
        let id = ctx.scan()?.account_id;
        let mut findings = Vec::new();
        for key in &policy.required_keys {
            // The finding is about the tag key, whether or not Billing knows it.
            let subject = ResourceRef {
                resource_type: COST_ALLOCATION_TAG.to_owned(),
                id: key.clone(),
                region: GLOBAL_REGION.to_owned(),
                account: id.clone(),
            };
            let (status, message) = match tags.iter().find(|t| &t.configuration.tag_key == key) {
                Some(tag) if tag.configuration.status == "Active" => (
                    Status::Passed,
                    format!("tag key {key} is an active cost-allocation tag in account {id}"),
                ),
                Some(tag) => (
                    Status::Failed,
                    format!(
                        "tag key {key} is {} for cost allocation in account {id}",
                        tag.configuration.status.to_lowercase()
                    ),
                ),
                None => (
                    Status::Failed,
                    format!("tag key {key} is unknown to cost allocation in account {id}"),
                ),
            };
            findings.push(ctx.finding(subject, status, message));
        }
        Ok(findings)
    }
}
