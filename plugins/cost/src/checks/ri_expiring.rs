//! # Reserved Instances expiring within 30 days
//!
//! ## What it checks
//! No active Reserved Instance may end within `ri_expiry_days` days
//! (default 30) of the snapshot without being noticed: each one that does
//! is reported, so renewal (or a Savings Plan) can be decided in time.
//!
//! ## Settings
//! ```toml
//! [plugins.cost.settings]
//! ri_expiry_days = 30
//! ```
//!
//! ## Why it matters
//! When a reservation lapses, the same usage silently moves to on-demand
//! rates: the bill jumps the next month.
//!
//! ## Remediation
//! Decide before the end date: renew, exchange, or cover the usage with a
//! Compute Savings Plan.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{COST_TYPE, days_since};

pub(crate) struct RiExpiring;

const RESERVED: &str = "Parapet::EC2::ReservedInstances";

impl Check for RiExpiring {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("cost-ri-expiring", "No Reserved Instance lapses unnoticed", Severity::Medium)
            .description(module_doc(include_str!("ri_expiring.rs")))
            .finding_type(COST_TYPE)
            .resource_type(RESERVED)
            .well_architected(Pillar::CostOptimization, "COST07-BP01")
            .remediation(
                "Renew, exchange or replace expiring reservations before their end date.",
                Some("https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ri-market-concepts-buying.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let window = ctx
            .settings::<Value>()?
            .get("ri_expiry_days")
            .and_then(Value::as_i64)
            .unwrap_or(30);
        let now = ctx.scan()?.collected_at;
        Ok(ctx
            .resources_of::<Value>(RESERVED)?
            .iter()
            .filter(|ri| ri.configuration.get("State").and_then(Value::as_str) == Some("active"))
            .map(|ri| {
                let c = &ri.configuration;
                let id = c
                    .get("ReservedInstancesId")
                    .and_then(Value::as_str)
                    .unwrap_or(&ri.resource_id);
                let kind = c.get("InstanceType").and_then(Value::as_str).unwrap_or("?");
                let count = c.get("InstanceCount").and_then(Value::as_i64).unwrap_or(1);
                let end = c.get("End").and_then(Value::as_str).unwrap_or_default();
                match days_since(end, now).map(|elapsed| -elapsed) {
                    Some(left) if left <= window => ctx.finding(
                        ri,
                        Status::Failed,
                        format!(
                            "reservation {id} for {count} {kind} ends in {left} days, on {end}"
                        ),
                    ),
                    Some(left) => ctx.finding(
                        ri,
                        Status::Passed,
                        format!("reservation {id} for {count} {kind} runs for {left} more days"),
                    ),
                    None => ctx.finding(
                        ri,
                        Status::NotAvailable,
                        format!("reservation {id} has no readable end date"),
                    ),
                }
            })
            .collect())
    }
}
