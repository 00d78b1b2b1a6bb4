//! # Open cost anomalies
//!
//! ## What it checks
//! Cost Anomaly Detection's anomalies (`GetAnomalies`) must each have been
//! looked at: an anomaly without feedback (`Feedback` unset) whose impact is
//! at least `anomaly_minimum_usd` (default 50) is open, and fails.
//!
//! ## Settings
//! ```toml
//! [plugins.cost.settings]
//! anomaly_minimum_usd = 50.0
//! ```
//!
//! ## Why it matters
//! An anomaly nobody triaged is either money still leaking or a detector
//! nobody trusts; both cost more the longer they wait.
//!
//! ## Remediation
//! Investigate the anomaly's root cause in Cost Explorer and record feedback
//! (`aws ce provide-anomaly-feedback`).

use parapet_sdk::prelude::*;
use serde_json::{Value, json};

use super::{COST_TYPE, amount};

pub(crate) struct AnomaliesOpen;

const ANOMALY: &str = "Parapet::CE::Anomaly";

impl Check for AnomaliesOpen {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "cost-anomalies-open",
            "Cost anomalies are triaged",
            Severity::Medium,
        )
        .description(module_doc(include_str!("anomalies_open.rs")))
        .finding_type(COST_TYPE)
        .resource_type(ANOMALY)
        .well_architected(Pillar::CostOptimization, "COST01-BP06")
        .remediation(
            "Investigate each open anomaly and record feedback.",
            Some("https://docs.aws.amazon.com/cost-management/latest/userguide/manage-ad.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let minimum = ctx
            .settings::<Value>()?
            .get("anomaly_minimum_usd")
            .and_then(Value::as_f64)
            .unwrap_or(50.0);
        Ok(ctx
            .resources_of::<Value>(ANOMALY)?
            .iter()
            .map(|anomaly| {
                let c = &anomaly.configuration;
                let what = c
                    .get("DimensionValue")
                    .and_then(Value::as_str)
                    .unwrap_or("an unnamed dimension");
                let impact = amount(c, "/Impact/TotalImpact").unwrap_or(0.0);
                let triaged = c.get("Feedback").and_then(Value::as_str).is_some();
                let name = format!("cost anomaly in {what} (impact ${impact:.2})");
                if triaged {
                    ctx.finding(anomaly, Status::Passed, format!("{name} has been triaged"))
                } else if impact >= minimum {
                    ctx.finding(anomaly, Status::Failed, format!("{name} is open"))
                        .with_evidence(
                            json!({"TotalImpactUsd": impact, "Start": c.get("AnomalyStartDate")}),
                        )
                } else {
                    ctx.finding(
                        anomaly,
                        Status::Passed,
                        format!("{name} is below the ${minimum} threshold"),
                    )
                }
            })
            .collect())
    }
}
