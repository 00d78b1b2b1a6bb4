//! The FinOps dashboard: KPIs the checks measured (each names itself in its
//! evidence as `Kpi`), estimated waste and right-sizing savings summed from
//! the findings, and the cost trend by month from the snapshot's Cost
//! Explorer data, with unit cost when the configuration gives the business
//! units per month.

use std::collections::BTreeMap;

use parapet_snapshot::Snapshot;
use serde::Serialize;
use serde_json::Value;

use crate::model::Status;
use crate::scan::ScanOutcome;

const MONTHLY_COST: &str = "Parapet::CE::MonthlyCost";

/// One KPI against its target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kpi {
    pub name: String,
    pub value: f64,
    pub target: f64,
    pub unit: String,
    /// `higher` or `lower`: which way is good.
    pub better: String,
    pub met: bool,
    /// The check that measured it.
    pub check: String,
}

/// One month of cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthCost {
    /// `YYYY-MM`.
    pub month: String,
    pub usd: f64,
    /// The running month, still estimated by Cost Explorer.
    pub estimated: bool,
    /// Cost per business unit, when the configuration gives the units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_cost_usd: Option<f64>,
}

/// The dashboard.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FinOps {
    pub kpis: Vec<Kpi>,
    pub estimated_monthly_waste_usd: f64,
    pub rightsizing_savings_usd: f64,
    /// What recommended Savings Plans would save a month.
    pub commitment_savings_usd: f64,
    pub cost_by_month: Vec<MonthCost>,
    /// What a business unit is (`transactions`), when configured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// `down`, `up` or `flat` over the last two complete months: unit cost
    /// when units are configured, otherwise total cost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trend: Option<String>,
}

/// Monthly totals from the snapshot's Cost Explorer data, oldest first.
#[must_use]
pub fn monthly_costs(snapshot: &Snapshot) -> Vec<MonthCost> {
    let mut months: Vec<MonthCost> = snapshot
        .resources
        .iter()
        .filter(|item| item.resource_type == MONTHLY_COST)
        .filter_map(|item| {
            let total = item
                .configuration
                .pointer("/Total/UnblendedCost/Amount")
                .and_then(number)
                .or_else(|| {
                    let groups = item.configuration.get("Groups")?.as_array()?;
                    Some(
                        groups
                            .iter()
                            .filter_map(|g| {
                                g.pointer("/Metrics/UnblendedCost/Amount").and_then(number)
                            })
                            .sum(),
                    )
                })?;
            Some(MonthCost {
                month: item.resource_id.clone(),
                usd: (total * 100.0).round() / 100.0,
                estimated: item
                    .configuration
                    .get("Estimated")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
                unit_cost_usd: None,
            })
        })
        .collect();
    months.sort_by(|a, b| a.month.cmp(&b.month));
    months
}

/// Builds the dashboard from the scan and the monthly costs; `units` maps
/// `YYYY-MM` to the month's business units.
#[must_use]
pub fn finops(
    outcome: &ScanOutcome,
    months: Vec<MonthCost>,
    unit: Option<&str>,
    units: &BTreeMap<String, f64>,
) -> FinOps {
    let mut dashboard = FinOps {
        unit: unit.map(str::to_owned),
        ..FinOps::default()
    };
    for (_, finding) in &outcome.findings {
        let Some(evidence) = finding
            .evidence
            .as_deref()
            .and_then(|text| serde_json::from_str::<Value>(text).ok())
        else {
            continue;
        };
        if let Some(kpi) = evidence.get("Kpi").and_then(|k| kpi(k, &finding.check_id)) {
            dashboard.kpis.push(kpi);
        }
        if finding.status == Status::Failed {
            let amount = |key: &str| evidence.get(key).and_then(Value::as_f64).unwrap_or(0.0);
            dashboard.estimated_monthly_waste_usd += amount("EstimatedMonthlyWasteUsd");
            dashboard.rightsizing_savings_usd += amount("EstimatedMonthlySavingsUsd");
            dashboard.commitment_savings_usd += amount("EstimatedMonthlyCommitmentSavingsUsd");
        }
    }
    dashboard.estimated_monthly_waste_usd = cents(dashboard.estimated_monthly_waste_usd);
    dashboard.rightsizing_savings_usd = cents(dashboard.rightsizing_savings_usd);
    dashboard.commitment_savings_usd = cents(dashboard.commitment_savings_usd);
    dashboard.cost_by_month = months
        .into_iter()
        .map(|mut month| {
            month.unit_cost_usd = units
                .get(&month.month)
                .filter(|u| **u > 0.0)
                .map(|u| month.usd / u);
            month
        })
        .collect();
    let complete: Vec<&MonthCost> = dashboard
        .cost_by_month
        .iter()
        .filter(|m| !m.estimated)
        .collect();
    if let [.., previous, latest] = complete.as_slice() {
        let measure = |m: &MonthCost| {
            if unit.is_some() {
                m.unit_cost_usd
            } else {
                Some(m.usd)
            }
        };
        if let (Some(before), Some(now)) = (measure(previous), measure(latest)) {
            dashboard.trend = Some(
                if now < before * 0.99 {
                    "down"
                } else if now > before * 1.01 {
                    "up"
                } else {
                    "flat"
                }
                .to_owned(),
            );
        }
    }
    dashboard
}

fn kpi(value: &Value, check: &str) -> Option<Kpi> {
    let number = value.get("value")?.as_f64()?;
    let target = value.get("target")?.as_f64()?;
    let better = value
        .get("better")
        .and_then(Value::as_str)
        .unwrap_or("higher")
        .to_owned();
    let met = if better == "lower" {
        number < target
    } else {
        number >= target
    };
    Some(Kpi {
        name: value.get("name")?.as_str()?.to_owned(),
        value: number,
        target,
        unit: value
            .get("unit")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        better,
        met,
        check: check.to_owned(),
    })
}

fn number(value: &Value) -> Option<f64> {
    value.as_f64().or_else(|| value.as_str()?.parse().ok())
}

fn cents(amount: f64) -> f64 {
    (amount * 100.0).round() / 100.0
}

/// The dashboard as the terminal shows it.
#[must_use]
pub fn render_finops(dashboard: &FinOps) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("\nFinOps KPIs\n");
    for kpi in &dashboard.kpis {
        let comparison = if kpi.better == "lower" { "<" } else { ">=" };
        let _ = writeln!(
            out,
            "  {} {:<28} {:>7.1}{}  (target {comparison} {}{})",
            if kpi.met { "met    " } else { "NOT MET" },
            kpi.name,
            kpi.value,
            kpi.unit,
            kpi.target,
            kpi.unit
        );
    }
    let _ = writeln!(
        out,
        "  estimated monthly waste:      ${:.2}",
        dashboard.estimated_monthly_waste_usd
    );
    let _ = writeln!(
        out,
        "  right-sizing savings:         ${:.2} a month",
        dashboard.rightsizing_savings_usd
    );
    let _ = writeln!(
        out,
        "  commitment savings available: ${:.2} a month",
        dashboard.commitment_savings_usd
    );
    if !dashboard.cost_by_month.is_empty() {
        let months: Vec<String> = dashboard
            .cost_by_month
            .iter()
            .map(|m| {
                let unit_cost = m
                    .unit_cost_usd
                    .map(|u| format!(" (${u:.4}/unit)"))
                    .unwrap_or_default();
                format!(
                    "{} ${:.2}{}{unit_cost}",
                    m.month,
                    m.usd,
                    if m.estimated { "*" } else { "" }
                )
            })
            .collect();
        let _ = writeln!(out, "  cost by month:                {}", months.join(", "));
    }
    if let Some(trend) = &dashboard.trend {
        let what = dashboard
            .unit
            .as_deref()
            .map_or_else(|| "total cost".to_owned(), |u| format!("cost per {u}"));
        let _ = writeln!(
            out,
            "  {what} is trending {trend}{}",
            if trend == "down" {
                " (target met)"
            } else {
                " (target: down)"
            }
        );
    }
    out
}
