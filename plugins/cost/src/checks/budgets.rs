//! # No cost budget, or the forecast exceeds it
//!
//! ## What it checks
//! The account must have at least one monthly cost budget (`DescribeBudgets`),
//! and no such budget's forecast spend for the month
//! (`CalculatedSpend.ForecastedSpend`) may exceed its limit.
//!
//! ## Why it matters
//! A budget with alerts is the cheapest control there is: without one, a
//! runaway cost is discovered on the invoice; with a forecast over it, the
//! overrun is already under way.
//!
//! ## Remediation
//! Create a monthly cost budget with actual and forecast alerts to the team
//! that owns the account; when the forecast exceeds it, find the driver
//! (`cost-month-over-month-jump`, `cost-anomalies-open`).

use parapet_sdk::prelude::*;
use serde_json::{Value, json};

use super::{COST_TYPE, amount};

pub(crate) struct Budgets;

const BUDGET: &str = "Parapet::Budgets::Budget";

impl Check for Budgets {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "cost-budget-forecast",
            "A cost budget exists and the forecast stays within it",
            Severity::Medium,
        )
        .description(module_doc(include_str!("budgets.rs")))
        .finding_type(COST_TYPE)
        .resource_type(BUDGET)
        .well_architected(Pillar::CostOptimization, "COST01-BP05")
        .remediation(
            "Create a monthly cost budget with forecast alerts; act when the forecast exceeds it.",
            Some(
                "https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-create.html",
            ),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        if !ctx.collection_errors(BUDGET).is_empty() {
            return Ok(Vec::new());
        }
        let budgets: Vec<_> = ctx
            .resources_of::<Value>(BUDGET)?
            .into_iter()
            .filter(|b| b.configuration.get("BudgetType").and_then(Value::as_str) == Some("COST"))
            .filter(|b| b.configuration.get("TimeUnit").and_then(Value::as_str) == Some("MONTHLY"))
            .collect();
        if budgets.is_empty() {
            let account = ctx.account(GLOBAL_REGION)?;
            let id = account.account.clone();
            return Ok(vec![ctx.finding(
                account,
                Status::Failed,
                format!("account {id} has no monthly cost budget"),
            )]);
        }
        Ok(budgets
            .iter()
            .map(|budget| {
                let c = &budget.configuration;
                let name = c.get("BudgetName").and_then(Value::as_str).unwrap_or(&budget.resource_id);
                let limit = amount(c, "/BudgetLimit/Amount");
                let forecast = amount(c, "/CalculatedSpend/ForecastedSpend/Amount");
                match (limit, forecast) {
                    (Some(limit), Some(forecast)) if forecast > limit => ctx
                        .finding(budget, Status::Failed, format!("budget {name}: this month's forecast ${forecast:.2} exceeds the ${limit:.2} limit"))
                        .with_evidence(json!({"LimitUsd": limit, "ForecastUsd": forecast})),
                    (Some(limit), Some(forecast)) => ctx.finding(
                        budget,
                        Status::Passed,
                        format!("budget {name}: this month's forecast ${forecast:.2} is within the ${limit:.2} limit"),
                    ),
                    _ => ctx.finding(budget, Status::Warning, format!("budget {name} exists but has no forecast to compare")),
                }
            })
            .collect())
    }
}
