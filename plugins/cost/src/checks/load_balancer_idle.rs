//! # Load balancer without targets
//!
//! ## What it checks
//! Every Application or Network Load Balancer must have at least one
//! registered target across its target groups
//! (`supplementaryConfiguration.RegisteredTargets`, from
//! `DescribeTargetHealth`). Load balancers without that count in the
//! snapshot are not available.
//!
//! ## Why it matters
//! A load balancer is billed by the hour whether or not it forwards to
//! anything; one with no targets serves no one, and is often a public
//! endpoint nobody remembers.
//!
//! ## Remediation
//! Delete the load balancer (and its target groups and DNS records) if the
//! service behind it is gone.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{COST_TYPE, waste};
use crate::prices::{HOURS_PER_MONTH, LOAD_BALANCER_HOUR};

pub(crate) struct LoadBalancerIdle;

const LOAD_BALANCER: &str = "AWS::ElasticLoadBalancingV2::LoadBalancer";

impl Check for LoadBalancerIdle {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("cost-load-balancer-idle", "Load balancers have targets", Severity::Low)
            .description(module_doc(include_str!("load_balancer_idle.rs")))
            .finding_type(COST_TYPE)
            .resource_type(LOAD_BALANCER)
            .well_architected(Pillar::CostOptimization, "COST04-BP02")
            .remediation(
                "Delete load balancers that have no targets.",
                Some("https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-delete.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources_of::<Value>(LOAD_BALANCER)?
            .iter()
            .map(|lb| {
                let name = lb
                    .configuration
                    .get("LoadBalancerName")
                    .and_then(Value::as_str)
                    .unwrap_or(&lb.resource_id);
                match lb
                    .supplementary_configuration
                    .get("RegisteredTargets")
                    .and_then(Value::as_u64)
                {
                    Some(0) => waste(
                        ctx,
                        lb,
                        format!("load balancer {name} has no registered targets"),
                        Some(LOAD_BALANCER_HOUR * HOURS_PER_MONTH),
                    ),
                    Some(n) => ctx.finding(
                        lb,
                        Status::Passed,
                        format!("load balancer {name} has {n} registered targets"),
                    ),
                    None => ctx.finding(
                        lb,
                        Status::NotAvailable,
                        format!("load balancer {name} has no target count in the snapshot"),
                    ),
                }
            })
            .collect())
    }
}
