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
use serde_json::Value;

use super::{COST_TYPE, commitment_kpis};

pub(crate) struct CommitmentCoverage;

const RI_COVERAGE: &str = "Parapet::CE::ReservationCoverage";
const SP_COVERAGE: &str = "Parapet::CE::SavingsPlansCoverage";

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
        commitment_kpis(
            ctx,
            "coverage",
            target,
            [
                (
                    "Reserved Instance",
                    RI_COVERAGE,
                    "/CoverageHours/CoverageHoursPercentage",
                ),
                ("Savings Plans", SP_COVERAGE, "/CoveragePercentage"),
            ],
        )
    }
}
