//! # EBS snapshot older than 90 days
//!
//! ## What it checks
//! No EBS snapshot the account owns may be older than `snapshot_days`
//! (default 90) at the time of the snapshot collection, unless a backup
//! policy retains it (tag `Retention` set to any value).
//!
//! ## Settings
//! ```toml
//! [plugins.cost.settings]
//! snapshot_days = 90
//! ```
//!
//! ## Why it matters
//! Manual snapshots pile up for years after the volumes and projects they
//! served are gone; each is billed per GB-month.
//!
//! ## Remediation
//! Delete snapshots nobody needs, and manage the rest with Data Lifecycle
//! Manager or AWS Backup so retention is a policy, not a memory.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::EbsSnapshot;
use serde::Deserialize;

use super::{COST_TYPE, days_since, waste};
use crate::prices::SNAPSHOT_GB_MONTH;

pub(crate) struct OldSnapshots;

#[derive(Deserialize)]
#[serde(default)]
struct Settings {
    snapshot_days: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Self { snapshot_days: 90 }
    }
}

impl Check for OldSnapshots {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("cost-old-snapshots", "EBS snapshots are not kept beyond 90 days without a policy", Severity::Low)
            .description(module_doc(include_str!("old_snapshots.rs")))
            .finding_type(COST_TYPE)
            .resource_type(EbsSnapshot::RESOURCE_TYPE)
            .well_architected(Pillar::CostOptimization, "COST04-BP05")
            .remediation(
                "Delete old snapshots nobody needs; manage retention with AWS Backup or Data Lifecycle Manager.",
                Some("https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-lifecycle.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let limit = ctx.settings::<Settings>()?.snapshot_days;
        let now = ctx.scan()?.collected_at;
        Ok(ctx
            .resources::<EbsSnapshot>()?
            .iter()
            .map(|snapshot| {
                let s = &snapshot.configuration;
                let age = s.start_time.as_deref().and_then(|t| days_since(t, now));
                match age {
                    Some(days) if days > limit && !snapshot.tags.contains_key("Retention") => {
                        #[allow(
                            clippy::cast_precision_loss,
                            reason = "snapshot sizes are far below 2^52 GiB"
                        )]
                        let monthly = SNAPSHOT_GB_MONTH * s.volume_size as f64;
                        waste(
                            ctx,
                            snapshot,
                            format!("snapshot {} is {days} days old", s.snapshot_id),
                            Some(monthly),
                        )
                    }
                    Some(days) => ctx.finding(
                        snapshot,
                        Status::Passed,
                        format!(
                            "snapshot {} is {days} days old or retained by policy",
                            s.snapshot_id
                        ),
                    ),
                    None => ctx.finding(
                        snapshot,
                        Status::NotAvailable,
                        format!("snapshot {} has no start time", s.snapshot_id),
                    ),
                }
            })
            .collect())
    }
}
