//! # Auto Scaling group in a single Availability Zone
//!
//! ## What it checks
//! Every Auto Scaling group must launch into at least two Availability
//! Zones (`AvailabilityZones` in `DescribeAutoScalingGroups`).
//!
//! ## Why it matters
//! An Auto Scaling group replaces failed instances, but not a failed zone:
//! with one zone, the whole tier goes down with it.
//!
//! ## Remediation
//! Add subnets in other zones to the group's `VPCZoneIdentifier`.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{RELIABILITY_TYPE, text};

pub(crate) struct AsgMultiAz;

const GROUP: &str = "AWS::AutoScaling::AutoScalingGroup";

impl Check for AsgMultiAz {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "rel-asg-multi-az",
            "Auto Scaling groups span at least two Availability Zones",
            Severity::Medium,
        )
        .description(module_doc(include_str!("asg_multi_az.rs")))
        .finding_type(RELIABILITY_TYPE)
        .resource_type(GROUP)
        .compliance(["AWS-FSBP/AutoScaling.2"])
        .well_architected(Pillar::Reliability, "REL10-BP01")
        .remediation(
            "Spread the group across at least two Availability Zones.",
            Some("https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-add-az-console.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources_of::<Value>(GROUP)?
            .iter()
            .map(|group| {
                let name = text(&group.configuration, "AutoScalingGroupName");
                let zones = group
                    .configuration
                    .get("AvailabilityZones")
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                if zones >= 2 {
                    ctx.finding(
                        group,
                        Status::Passed,
                        format!("Auto Scaling group {name} spans {zones} zones"),
                    )
                } else {
                    ctx.finding(
                        group,
                        Status::Failed,
                        format!("Auto Scaling group {name} launches into {zones} zone"),
                    )
                }
            })
            .collect())
    }
}
