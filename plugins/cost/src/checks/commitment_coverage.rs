//! # Commitment coverage below target
//!
//! ## What it checks
//! Reserved Instance coverage (`GetReservationCoverage`, hours) and Savings
//! Plans coverage (`GetSavingsPlansCoverage`, spend) over the collection
//! period must each reach `coverage_target_percent` (default 70, the FinOps
//! KPI). One finding per commitment type present in the snapshot, with the
//! KPI in its evidence.
//!
//! ## Settings
//! ```toml
//! [plugins.cost.settings]
//! coverage_target_percent = 70.0
//! ```
//!
//! ## Why it matters
//! Steady usage paid at on-demand rates costs 30-70% more than the same
//! usage under a commitment.
//!
//! ## Remediation
//! Buy Savings Plans or Reserved Instances for the steady base of usage
//! (see `cost-savings-plans-recommendation`).

use parapet_sdk::prelude::*;
use serde_json::{Value, json};

use super::COST_TYPE;

pub(crate) struct CommitmentCoverage;

const RI_COVERAGE: &str = "Parapet::CE::ReservationCoverage";
const SP_COVERAGE: &str = "Parapet::CE::SavingsPlansCoverage";

/// A percentage the Cost Explorer API returns as text.
pub(crate) fn percent(value: &Value, pointer: &str) -> Option<f64> {
    value.pointer(pointer)?.as_str()?.parse().ok()
}

impl Check for CommitmentCoverage {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "cost-commitment-coverage",
            "RI and Savings Plans coverage reaches 70%",
            Severity::Medium,
        )
        .description(module_doc(include_str!("commitment_coverage.rs")))
        .finding_type(COST_TYPE)
        .resource_type(RI_COVERAGE)
        .resource_type(SP_COVERAGE)
        .well_architected(Pillar::CostOptimization, "COST07-BP01")
        .remediation(
            "Cover the steady base of usage with Savings Plans or Reserved Instances.",
            Some(
                "https://docs.aws.amazon.com/savingsplans/latest/userguide/sp-recommendations.html",
            ),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let target = ctx
            .settings::<Value>()?
            .get("coverage_target_percent")
            .and_then(Value::as_f64)
            .unwrap_or(70.0);
        let id = ctx.scan()?.account_id;
        let mut findings = Vec::new();
        for (kind, resource_type, pointer) in [
            (
                "Reserved Instance",
                RI_COVERAGE,
                "/CoverageHours/CoverageHoursPercentage",
            ),
            ("Savings Plans", SP_COVERAGE, "/CoveragePercentage"),
        ] {
            for item in ctx.resources_of::<Value>(resource_type)? {
                let Some(value) = percent(&item.configuration, pointer) else {
                    findings.push(ctx.finding(
                        &item,
                        Status::NotAvailable,
                        format!("{kind} coverage of account {id} is not in the snapshot"),
                    ));
                    continue;
                };
                let evidence = json!({"Kpi": {"name": format!("{kind} coverage"), "value": value, "target": target, "unit": "%", "better": "higher"}});
                let message = format!("{kind} coverage of account {id} is {value:.1}%");
                findings.push(
                    if value >= target {
                        ctx.finding(
                            &item,
                            Status::Passed,
                            format!("{message}, meeting the {target}% target"),
                        )
                    } else {
                        ctx.finding(
                            &item,
                            Status::Failed,
                            format!("{message}, below the {target}% target"),
                        )
                    }
                    .with_evidence(evidence),
                );
            }
        }
        Ok(findings)
    }
}
