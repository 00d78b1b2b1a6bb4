//! # Instance stopped for more than 30 days
//!
//! ## What it checks
//! No instance may have been stopped for more than `stopped_days` days
//! (default 30) when the snapshot was taken; the date comes from the
//! instance's `StateTransitionReason`. The finding counts the EBS volumes
//! the instance keeps, which are billed while it is stopped.
//!
//! ## Settings
//! ```toml
//! [plugins.cost.settings]
//! stopped_days = 30
//! ```
//!
//! ## Why it matters
//! A long-stopped instance is usually forgotten, not paused: its volumes,
//! snapshots and addresses keep costing money, and its software goes
//! unpatched.
//!
//! ## Remediation
//! Create an AMI if it may be needed again, then terminate the instance.

use std::collections::HashMap;

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::{Instance, Volume};
use serde::Deserialize;

use super::{COST_TYPE, days_since, stopped_at, waste};
use crate::prices::ebs_gb_month;

pub(crate) struct StoppedInstances;

#[derive(Deserialize)]
#[serde(default)]
struct Settings {
    stopped_days: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Self { stopped_days: 30 }
    }
}

impl Check for StoppedInstances {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "cost-stopped-instances",
            "No instance stays stopped for more than 30 days",
            Severity::Low,
        )
        .description(module_doc(include_str!("stopped_instances.rs")))
        .finding_type(COST_TYPE)
        .resource_type(Instance::RESOURCE_TYPE)
        .resource_type(Volume::RESOURCE_TYPE)
        .compliance(["AWS-FSBP/EC2.4"])
        .well_architected(Pillar::CostOptimization, "COST04-BP02")
        .remediation(
            "Terminate instances that have been stopped for a long time, keeping an AMI if needed.",
            Some("https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/terminating-instances.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let limit = ctx.settings::<Settings>()?.stopped_days;
        let now = ctx.scan()?.collected_at;
        let volumes = ctx.resources::<Volume>()?;
        // Each stopped instance needs its volumes: index them once.
        let mut attached: HashMap<&str, Vec<&Volume>> = HashMap::new();
        for volume in &volumes {
            for attachment in &volume.configuration.attachments {
                attached
                    .entry(&attachment.instance_id)
                    .or_default()
                    .push(&volume.configuration);
            }
        }
        Ok(ctx
            .resources::<Instance>()?
            .iter()
            .filter(|i| i.configuration.state.name == "stopped")
            .map(|instance| {
                let id = &instance.configuration.instance_id;
                let reason = instance
                    .configuration
                    .state_transition_reason
                    .as_deref()
                    .unwrap_or_default();
                let Some(days) = stopped_at(reason).and_then(|at| days_since(&at, now)) else {
                    return ctx.finding(
                        instance,
                        Status::NotAvailable,
                        format!("instance {id} is stopped, since an unknown date"),
                    );
                };
                if days <= limit {
                    return ctx.finding(
                        instance,
                        Status::Passed,
                        format!("instance {id} was stopped {days} days ago"),
                    );
                }
                let kept = attached.get(id.as_str()).map_or(&[][..], Vec::as_slice);
                let monthly: Option<f64> = kept
                    .iter()
                    .map(|v| ebs_gb_month(&v.volume_type).map(|p| p * v.size as f64))
                    .sum();
                waste(
                    ctx,
                    instance,
                    format!(
                        "instance {id} has been stopped for {days} days and keeps {} attached volume{}",
                        kept.len(),
                        if kept.len() == 1 { "" } else { "s" }
                    ),
                    monthly,
                )
            })
            .collect())
    }
}
