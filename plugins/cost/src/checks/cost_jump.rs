//! # Month-over-month service cost jump
//!
//! ## What it checks
//! For each service in the last two full months of Cost Explorer data
//! (`Parapet::CE::MonthlyCost`, one item per month, by service), the cost
//! must not have grown by more than `jump_percent` (default 20) and
//! `jump_minimum_usd` (default 100) at once.
//!
//! ## Settings
//! ```toml
//! [plugins.cost.settings]
//! jump_percent = 20.0
//! jump_minimum_usd = 100.0
//! ```
//!
//! ## Why it matters
//! A sudden jump is a forgotten load test, a runaway job, a misconfigured
//! log level or a compromised account mining crypto; the month it is caught
//! is the month it stops costing.
//!
//! ## Remediation
//! Open Cost Explorer on the service and month, group by usage type and
//! resource, and find what changed.

use parapet_sdk::prelude::*;
use serde::Deserialize;
use serde_json::{Value, json};

use super::COST_TYPE;

pub(crate) struct CostJump;

const MONTHLY_COST: &str = "Parapet::CE::MonthlyCost";

#[derive(Deserialize)]
#[serde(default)]
struct Settings {
    jump_percent: f64,
    jump_minimum_usd: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            jump_percent: 20.0,
            jump_minimum_usd: 100.0,
        }
    }
}

/// Cost by service of one month's item.
fn by_service(month: &Value) -> Vec<(String, f64)> {
    month
        .get("Groups")
        .and_then(Value::as_array)
        .map(|groups| {
            groups
                .iter()
                .filter_map(|g| {
                    let service = g.pointer("/Keys/0")?.as_str()?.to_owned();
                    let amount = g
                        .pointer("/Metrics/UnblendedCost/Amount")?
                        .as_str()?
                        .parse()
                        .ok()?;
                    Some((service, amount))
                })
                .collect()
        })
        .unwrap_or_default()
}

impl Check for CostJump {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("cost-month-over-month-jump", "No service's cost jumps month over month", Severity::Medium)
            .description(module_doc(include_str!("cost_jump.rs")))
            .finding_type(COST_TYPE)
            .resource_type(MONTHLY_COST)
            .well_architected(Pillar::CostOptimization, "COST01-BP06")
            .remediation(
                "Investigate the service's usage in Cost Explorer for the month of the jump.",
                Some("https://docs.aws.amazon.com/cost-management/latest/userguide/ce-exploring-data.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let settings = ctx.settings::<Settings>()?;
        let mut months = ctx.resources_of::<Value>(MONTHLY_COST)?;
        // Only complete months compare fairly; the running month is estimated.
        months.retain(|m| m.configuration.get("Estimated").and_then(Value::as_bool) != Some(true));
        months.sort_by(|a, b| a.resource_id.cmp(&b.resource_id));
        let account = ctx.account(GLOBAL_REGION)?;
        let [.., previous, latest] = months.as_slice() else {
            let id = account.account.clone();
            return Ok(vec![ctx.finding(
                account,
                Status::NotAvailable,
                format!("account {id} has fewer than two complete months of cost data"),
            )]);
        };
        let before = by_service(&previous.configuration);
        let mut jumps = Vec::new();
        for (service, now) in by_service(&latest.configuration) {
            let then = before
                .iter()
                .find(|(s, _)| *s == service)
                .map_or(0.0, |(_, a)| *a);
            let growth = now - then;
            if growth >= settings.jump_minimum_usd
                && (then == 0.0 || growth / then * 100.0 >= settings.jump_percent)
            {
                jumps.push((service, then, now));
            }
        }
        let (from, to) = (&previous.resource_id, &latest.resource_id);
        let evidence = json!(
            jumps
                .iter()
                .map(|(s, a, b)| json!({"Service": s, "From": a, "To": b}))
                .collect::<Vec<_>>()
        );
        Ok(vec![if jumps.is_empty() {
            ctx.finding(
                account,
                Status::Passed,
                format!("no service's cost jumped from {from} to {to}"),
            )
        } else {
            let list: Vec<String> = jumps
                .iter()
                .map(|(s, a, b)| format!("{s} ${a:.2} → ${b:.2}"))
                .collect();
            ctx.finding(
                account,
                Status::Failed,
                format!("costs jumped from {from} to {to}: {}", list.join("; ")),
            )
            .with_evidence(evidence)
        }])
    }
}
