mod cost_jump;
mod ebs_gp2;
mod ebs_unattached;
mod eip_unassociated;
mod nat_gateway_idle;
mod old_snapshots;
mod previous_generation;
mod stopped_instances;

pub(crate) use cost_jump::CostJump;
pub(crate) use ebs_gp2::EbsGp2;
pub(crate) use ebs_unattached::EbsUnattached;
pub(crate) use eip_unassociated::EipUnassociated;
pub(crate) use nat_gateway_idle::NatGatewayIdle;
pub(crate) use old_snapshots::OldSnapshots;
pub(crate) use previous_generation::PreviousGeneration;
pub(crate) use stopped_instances::StoppedInstances;

use parapet_sdk::prelude::*;
use serde_json::json;

use crate::prices::{PRICE_BASIS, usd};

/// ASFF type for cost findings.
pub(crate) const COST_TYPE: &str =
    "Software and Configuration Checks/AWS Security Best Practices/Cost Optimization";

/// A failed finding that names what the waste costs each month.
pub(crate) fn waste(
    ctx: &Context,
    resource: impl Into<ResourceRef>,
    message: String,
    monthly: Option<f64>,
) -> Finding {
    let (message, evidence) = match monthly {
        Some(amount) => (
            format!("{message}, wasting about ${:.2} a month", usd(amount)),
            json!({"EstimatedMonthlyWasteUsd": usd(amount), "PriceBasis": PRICE_BASIS}),
        ),
        None => (
            message,
            json!({"EstimatedMonthlyWasteUsd": null, "PriceBasis": "no price for this type in the table"}),
        ),
    };
    ctx.finding(resource, Status::Failed, message)
        .with_evidence(evidence)
}

/// Whole days from `then` (RFC 3339 text) to `now`.
pub(crate) fn days_since(then: &str, now: jiff::Timestamp) -> Option<i64> {
    let then: jiff::Timestamp = then.parse().ok()?;
    Some((now.as_second() - then.as_second()).div_euclid(86_400))
}
