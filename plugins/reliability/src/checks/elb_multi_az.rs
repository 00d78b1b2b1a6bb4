//! # Load balancer in a single Availability Zone
//!
//! ## What it checks
//! Every Application or Network Load Balancer must be enabled in at least
//! two Availability Zones (`AvailabilityZones` in `DescribeLoadBalancers`).
//!
//! ## Why it matters
//! A load balancer in one zone is a single point of failure in front of
//! every target behind it, however many zones the targets span.
//!
//! ## Remediation
//! Add a subnet in a second zone to the load balancer (`aws elbv2 set-subnets`).

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{RELIABILITY_TYPE, text};

pub(crate) struct ElbMultiAz;

const LOAD_BALANCER: &str = "AWS::ElasticLoadBalancingV2::LoadBalancer";

impl Check for ElbMultiAz {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("rel-elb-multi-az", "Load balancers span at least two Availability Zones", Severity::Medium)
            .description(module_doc(include_str!("elb_multi_az.rs")))
            .finding_type(RELIABILITY_TYPE)
            .resource_type(LOAD_BALANCER)
            .compliance(["AWS-FSBP/ELB.13"])
            .well_architected(Pillar::Reliability, "REL10-BP01")
            .remediation(
                "Enable the load balancer in at least two Availability Zones.",
                Some("https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-subnets.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources_of::<Value>(LOAD_BALANCER)?
            .iter()
            .map(|lb| {
                let name = text(&lb.configuration, "LoadBalancerName");
                match lb
                    .configuration
                    .get("AvailabilityZones")
                    .and_then(Value::as_array)
                    .map(Vec::len)
                {
                    Some(zones) if zones >= 2 => ctx.finding(
                        lb,
                        Status::Passed,
                        format!("load balancer {name} spans {zones} zones"),
                    ),
                    Some(zones) => ctx.finding(
                        lb,
                        Status::Failed,
                        format!("load balancer {name} spans only {zones} zone"),
                    ),
                    None => ctx.finding(
                        lb,
                        Status::NotAvailable,
                        format!("load balancer {name} has no zones in the snapshot"),
                    ),
                }
            })
            .collect())
    }
}
