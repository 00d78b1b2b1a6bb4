//! # Commitment utilization below target
//!
//! ## What it checks
//! Reserved Instance utilization (`GetReservationUtilization`) and Savings
//! Plans utilization (`GetSavingsPlansUtilization`) over the collection
//! period must each reach `utilization_target_percent` (default 80, the
//! FinOps KPI), with the KPI in the evidence.
//!
//! ## Settings
//! ```toml
//! [plugins.cost.settings]
//! utilization_target_percent = 80.0
//! ```
//!
//! ## Why it matters
//! Unused commitment is paid for anyway: an under-used reservation costs
//! more than the on-demand usage it was meant to replace.
//!
//! ## Remediation
//! Move matching usage onto the reservation (instance family, region), sell
//! unused Standard RIs on the Marketplace, and size the next purchase on the
//! steady base only.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{COST_TYPE, commitment_kpis};

pub(crate) struct CommitmentUtilization;

const RI_UTILIZATION: &str = "Parapet::CE::ReservationUtilization";
const SP_UTILIZATION: &str = "Parapet::CE::SavingsPlansUtilization";

impl Check for CommitmentUtilization {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "cost-commitment-utilization",
            "RI and Savings Plans utilization reaches 80%",
            Severity::Medium,
        )
        .description(module_doc(include_str!("commitment_utilization.rs")))
        .finding_type(COST_TYPE)
        .resource_type(RI_UTILIZATION)
        .resource_type(SP_UTILIZATION)
        .well_architected(Pillar::CostOptimization, "COST07-BP01")
        .remediation(
            "Move matching usage onto unused commitments, and size new ones on the steady base.",
            Some("https://docs.aws.amazon.com/cost-management/latest/userguide/ce-ris.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let target = ctx
            .settings::<Value>()?
            .get("utilization_target_percent")
            .and_then(Value::as_f64)
            .unwrap_or(80.0);
        commitment_kpis(
            ctx,
            "utilization",
            target,
            [
                (
                    "Reserved Instance",
                    RI_UTILIZATION,
                    "/UtilizationPercentage",
                ),
                (
                    "Savings Plans",
                    SP_UTILIZATION,
                    "/Utilization/UtilizationPercentage",
                ),
            ],
        )
    }
}
