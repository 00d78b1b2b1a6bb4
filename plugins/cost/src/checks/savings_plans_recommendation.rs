//! # Savings Plans purchase recommended
//!
//! ## What it checks
//! Cost Explorer's Savings Plans purchase recommendation
//! (`GetSavingsPlansPurchaseRecommendation`) must not promise more than
//! `sp_minimum_monthly_savings_usd` (default 100) a month: a larger
//! estimated saving is reported, with the hourly commitment to buy.
//!
//! ## Settings
//! ```toml
//! [plugins.cost.settings]
//! sp_minimum_monthly_savings_usd = 100.0
//! ```
//!
//! ## Why it matters
//! The recommendation is computed from the account's own steady usage; an
//! outstanding one is money left on the table every month.
//!
//! ## Remediation
//! Review the recommendation in Cost Explorer and buy the plan (start with
//! a smaller commitment than recommended if usage is changing).

use parapet_sdk::prelude::*;
use serde_json::{Value, json};

use super::{COST_TYPE, amount};

pub(crate) struct SavingsPlansRecommendation;

const RECOMMENDATION: &str = "Parapet::CE::SavingsPlansPurchaseRecommendation";

impl Check for SavingsPlansRecommendation {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "cost-savings-plans-recommendation",
            "No large Savings Plans purchase is outstanding",
            Severity::Low,
        )
        .description(module_doc(include_str!("savings_plans_recommendation.rs")))
        .finding_type(COST_TYPE)
        .resource_type(RECOMMENDATION)
        .well_architected(Pillar::CostOptimization, "COST07-BP01")
        .remediation(
            "Review and buy the recommended Savings Plan.",
            Some(
                "https://docs.aws.amazon.com/savingsplans/latest/userguide/sp-recommendations.html",
            ),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let minimum = ctx
            .settings::<Value>()?
            .get("sp_minimum_monthly_savings_usd")
            .and_then(Value::as_f64)
            .unwrap_or(100.0);
        Ok(ctx
            .resources_of::<Value>(RECOMMENDATION)?
            .iter()
            .map(|rec| {
                let c = &rec.configuration;
                let plan = format!(
                    "{} Savings Plan ({}, {})",
                    c.get("SavingsPlansType").and_then(Value::as_str).unwrap_or("a"),
                    c.get("TermInYears").and_then(Value::as_str).unwrap_or("?"),
                    c.get("PaymentOption").and_then(Value::as_str).unwrap_or("?")
                );
                let summary = "/SavingsPlansPurchaseRecommendationSummary";
                let savings = amount(c, &format!("{summary}/EstimatedMonthlySavingsAmount")).unwrap_or(0.0);
                let hourly = amount(c, &format!("{summary}/HourlyCommitmentToPurchase")).unwrap_or(0.0);
                if savings >= minimum {
                    ctx.finding(rec, Status::Failed, format!("a {plan} committing ${hourly:.2}/hour would save about ${savings:.2} a month"))
                        .with_evidence(json!({"EstimatedMonthlyCommitmentSavingsUsd": savings, "HourlyCommitmentUsd": hourly}))
                } else {
                    ctx.finding(rec, Status::Passed, format!("the recommended {plan} would save only ${savings:.2} a month"))
                }
            })
            .collect())
    }
}
