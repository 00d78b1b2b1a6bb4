//! # gp2 volume that could be gp3
//!
//! ## What it checks
//! No EBS volume may still be of type `gp2`. A gp3 volume costs 20% less per
//! GiB and gives a baseline of 3,000 IOPS and 125 MiB/s whatever its size.
//!
//! ## Why it matters
//! The migration is online, needs no downtime and saves money on every gp2
//! volume; it is the cheapest storage saving there is.
//!
//! ## Remediation
//! `aws ec2 modify-volume --volume-id ID --volume-type gp3`

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::Volume;

use super::{COST_TYPE, waste};
use crate::prices::ebs_gb_month;

pub(crate) struct EbsGp2;

impl Check for EbsGp2 {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("cost-ebs-gp2", "EBS volumes use gp3 rather than gp2", Severity::Low)
            .description(module_doc(include_str!("ebs_gp2.rs")))
            .finding_type(COST_TYPE)
            .resource_type(Volume::RESOURCE_TYPE)
            .well_architected(Pillar::CostOptimization, "COST06-BP03")
            .well_architected(Pillar::PerformanceEfficiency, "PERF02-BP01")
            .remediation(
                "Modify gp2 volumes to gp3.",
                Some("https://docs.aws.amazon.com/ebs/latest/userguide/requesting-ebs-volume-modifications.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<Volume>()?
            .iter()
            .map(|volume| {
                let v = &volume.configuration;
                if v.volume_type == "gp2" {
                    let saving = ebs_gb_month("gp2")
                        .zip(ebs_gb_month("gp3"))
                        .map(|(gp2, gp3)| {
                            #[allow(
                                clippy::cast_precision_loss,
                                reason = "volume sizes are far below 2^52 GiB"
                            )]
                            let size = v.size as f64;
                            (gp2 - gp3) * size
                        });
                    waste(
                        ctx,
                        volume,
                        format!("volume {} ({} GiB) is gp2", v.volume_id, v.size),
                        saving,
                    )
                } else {
                    ctx.finding(
                        volume,
                        Status::Passed,
                        format!("volume {} is {}", v.volume_id, v.volume_type),
                    )
                }
            })
            .collect())
    }
}
