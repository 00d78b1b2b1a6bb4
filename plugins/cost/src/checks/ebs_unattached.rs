//! # Unattached EBS volume
//!
//! ## What it checks
//! Every EBS volume must be attached to an instance (`State` is `in-use`).
//! An `available` volume is billed for its full size and does nothing.
//!
//! ## Why it matters
//! Volumes outlive the instances they were made for; they are the most
//! common line of pure waste in an AWS bill, and may hold data nobody is
//! looking after.
//!
//! ## Remediation
//! Snapshot the volume if its data may be needed, then delete it.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::Volume;

use super::{COST_TYPE, waste};
use crate::prices::ebs_gb_month;

pub(crate) struct EbsUnattached;

impl Check for EbsUnattached {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "cost-ebs-unattached",
            "EBS volumes are attached",
            Severity::Low,
        )
        .description(module_doc(include_str!("ebs_unattached.rs")))
        .finding_type(COST_TYPE)
        .resource_type(Volume::RESOURCE_TYPE)
        .well_architected(Pillar::CostOptimization, "COST04-BP02")
        .well_architected(Pillar::Sustainability, "SUS02-BP03")
        .remediation(
            "Snapshot unattached volumes if needed, then delete them.",
            Some("https://docs.aws.amazon.com/ebs/latest/userguide/ebs-deleting-volume.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<Volume>()?
            .iter()
            .map(|volume| {
                let v = &volume.configuration;
                if v.state == "available" {
                    #[allow(
                        clippy::cast_precision_loss,
                        reason = "volume sizes are far below 2^52 GiB"
                    )]
                    let monthly = ebs_gb_month(&v.volume_type).map(|price| price * v.size as f64);
                    waste(
                        ctx,
                        volume,
                        format!(
                            "volume {} ({} GiB {}) is not attached",
                            v.volume_id, v.size, v.volume_type
                        ),
                        monthly,
                    )
                } else {
                    ctx.finding(
                        volume,
                        Status::Passed,
                        format!("volume {} is attached", v.volume_id),
                    )
                }
            })
            .collect())
    }
}
