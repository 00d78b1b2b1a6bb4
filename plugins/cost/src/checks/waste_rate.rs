//! # Waste rate above target
//!
//! ## What it checks
//! The share of resources that cost money and do nothing must stay below
//! `waste_target_percent` (default 5, the FinOps KPI): unattached volumes,
//! unassociated Elastic IPs, instances stopped for more than 30 days and
//! idle NAT gateways, over all volumes, Elastic IPs, instances and NAT
//! gateways. One finding for the account, with the KPI in its evidence.
//!
//! ## Settings
//! ```toml
//! [plugins.cost.settings]
//! waste_target_percent = 5.0
//! ```
//!
//! ## Why it matters
//! The rate says whether clean-up keeps pace with provisioning; a rising
//! rate means resources are created without an owner or an end date.
//!
//! ## Remediation
//! Work through the `cost-ebs-unattached`, `cost-eip-unassociated`,
//! `cost-stopped-instances` and `cost-nat-gateway-idle` findings, and give
//! temporary resources an expiry tag enforced by automation.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::{Address, Instance, Volume};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{COST_TYPE, days_since, stopped_at};

pub(crate) struct WasteRate;

#[derive(Deserialize)]
#[serde(default)]
struct Settings {
    waste_target_percent: f64,
    stopped_days: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            waste_target_percent: 5.0,
            stopped_days: 30,
        }
    }
}

impl Check for WasteRate {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("cost-waste-rate", "Unused resources stay below 5% of all", Severity::Medium)
            .description(module_doc(include_str!("waste_rate.rs")))
            .finding_type(COST_TYPE)
            .resource_type(Volume::RESOURCE_TYPE)
            .resource_type(Address::RESOURCE_TYPE)
            .resource_type(Instance::RESOURCE_TYPE)
            .resource_type("AWS::EC2::NatGateway")
            .well_architected(Pillar::CostOptimization, "COST04-BP02")
            .remediation(
                "Remove unused resources and give temporary ones an enforced end date.",
                Some("https://docs.aws.amazon.com/wellarchitected/latest/cost-optimization-pillar/decommission-resources.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let settings = ctx.settings::<Settings>()?;
        let now = ctx.scan()?.collected_at;
        let volumes = ctx.resources::<Volume>()?;
        let addresses = ctx.resources::<Address>()?;
        let instances = ctx.resources::<Instance>()?;
        let nats = ctx.resources_of::<Value>("AWS::EC2::NatGateway")?;
        let unused = volumes
            .iter()
            .filter(|v| v.configuration.state == "available")
            .count()
            + addresses
                .iter()
                .filter(|a| {
                    a.configuration.association_id.is_none()
                        && a.configuration.instance_id.is_none()
                })
                .count()
            + instances
                .iter()
                .filter(|i| {
                    i.configuration.state.name == "stopped"
                        && i.configuration
                            .state_transition_reason
                            .as_deref()
                            .and_then(stopped_at)
                            .and_then(|at| days_since(&at, now))
                            .is_some_and(|days| days > settings.stopped_days)
                })
                .count()
            + nats
                .iter()
                .filter(|n| {
                    n.supplementary_configuration
                        .get("BytesOutToDestination")
                        .and_then(Value::as_f64)
                        == Some(0.0)
                })
                .count();
        let total = volumes.len() + addresses.len() + instances.len() + nats.len();
        let account = ctx.account(GLOBAL_REGION)?;
        let id = account.account.clone();
        if total == 0 {
            return Ok(vec![ctx.finding(account, Status::NotAvailable, format!("account {id} has no volumes, addresses, instances or NAT gateways in the snapshot"))]);
        }
        let rate = 100.0 * usize_to_f64(unused) / usize_to_f64(total);
        let target = settings.waste_target_percent;
        let evidence = json!({
            "Kpi": {"name": "waste rate", "value": (rate * 10.0).round() / 10.0, "target": target, "unit": "%", "better": "lower"},
            "Unused": unused,
            "Total": total,
        });
        let summary =
            format!("{unused} of {total} resources ({rate:.1}%) in account {id} are unused");
        Ok(vec![
            if rate < target {
                ctx.finding(
                    account,
                    Status::Passed,
                    format!("{summary}, below the {target}% target"),
                )
            } else {
                ctx.finding(
                    account,
                    Status::Failed,
                    format!("{summary}, above the {target}% target"),
                )
            }
            .with_evidence(evidence),
        ])
    }
}

fn usize_to_f64(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}
