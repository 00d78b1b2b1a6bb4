mod anomalies_open;
mod budgets;
mod commitment_coverage;
mod commitment_utilization;
mod cost_jump;
mod ebs_gp2;
mod ebs_unattached;
mod eip_unassociated;
mod load_balancer_idle;
mod nat_gateway_idle;
mod old_snapshots;
mod previous_generation;
mod ri_expiring;
mod rightsizing;
mod savings_plans_recommendation;
mod stopped_instances;
mod waste_rate;

pub(crate) use anomalies_open::AnomaliesOpen;
pub(crate) use budgets::Budgets;
pub(crate) use commitment_coverage::CommitmentCoverage;
pub(crate) use commitment_utilization::CommitmentUtilization;
pub(crate) use cost_jump::CostJump;
pub(crate) use ebs_gp2::EbsGp2;
pub(crate) use ebs_unattached::EbsUnattached;
pub(crate) use eip_unassociated::EipUnassociated;
pub(crate) use load_balancer_idle::LoadBalancerIdle;
pub(crate) use nat_gateway_idle::NatGatewayIdle;
pub(crate) use old_snapshots::OldSnapshots;
pub(crate) use previous_generation::PreviousGeneration;
pub(crate) use ri_expiring::RiExpiring;
pub(crate) use rightsizing::Rightsizing;
pub(crate) use savings_plans_recommendation::SavingsPlansRecommendation;
pub(crate) use stopped_instances::StoppedInstances;
pub(crate) use waste_rate::WasteRate;

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

/// `User initiated (2026-06-10 14:02:11 GMT)` → `2026-06-10T14:02:11Z`.
pub(crate) fn stopped_at(reason: &str) -> Option<String> {
    let inside = reason.split_once('(')?.1.split_once(')')?.0;
    let stamp = inside.strip_suffix(" GMT")?;
    Some(format!("{}Z", stamp.replacen(' ', "T", 1)))
}

/// A dollar amount the AWS billing APIs return as text.
pub(crate) fn amount(value: &serde_json::Value, pointer: &str) -> Option<f64> {
    let field = value.pointer(pointer)?;
    field.as_f64().or_else(|| field.as_str()?.parse().ok())
}

/// One finding per commitment measure (coverage or utilization, RI or
/// Savings Plans) present in the snapshot, against `target` percent, with
/// the KPI in the evidence.
pub(crate) fn commitment_kpis(
    ctx: &Context,
    measure: &str,
    target: f64,
    sources: [(&str, &str, &str); 2],
) -> Result<Vec<Finding>, PluginError> {
    let id = ctx.scan()?.account_id;
    let mut findings = Vec::new();
    for (kind, resource_type, pointer) in sources {
        for item in ctx.resources_of::<serde_json::Value>(resource_type)? {
            let name = format!("{kind} {measure}");
            let Some(value) = amount(&item.configuration, pointer) else {
                findings.push(ctx.finding(
                    &item,
                    Status::NotAvailable,
                    format!("{name} of account {id} is not in the snapshot"),
                ));
                continue;
            };
            let evidence = json!({"Kpi": {"name": name, "value": value, "target": target, "unit": "%", "better": "higher"}});
            let message = format!("{name} of account {id} is {value:.1}%");
            let (status, verdict) = if value >= target {
                (Status::Passed, "meeting")
            } else {
                (Status::Failed, "below")
            };
            findings.push(
                ctx.finding(
                    &item,
                    status,
                    format!("{message}, {verdict} the {target}% target"),
                )
                .with_evidence(evidence),
            );
        }
    }
    Ok(findings)
}
