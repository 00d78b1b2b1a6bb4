//! # Idle NAT gateway
//!
//! ## What it checks
//! Every available NAT gateway must have carried traffic in the collection
//! window: `supplementaryConfiguration.BytesOutToDestination` (the
//! CloudWatch sum over the last 14 days) must be above zero. Gateways
//! without that metric in the snapshot are not available.
//!
//! ## Why it matters
//! A NAT gateway is billed by the hour whether or not anything uses it;
//! idle ones are left behind by test environments and migrations.
//!
//! ## Remediation
//! Delete the NAT gateway (and release its Elastic IP) if no private subnet
//! routes through it.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{COST_TYPE, waste};
use crate::prices::{HOURS_PER_MONTH, NAT_GATEWAY_HOUR};

pub(crate) struct NatGatewayIdle;

const NAT_GATEWAY: &str = "AWS::EC2::NatGateway";

impl Check for NatGatewayIdle {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "cost-nat-gateway-idle",
            "NAT gateways carry traffic",
            Severity::Low,
        )
        .description(module_doc(include_str!("nat_gateway_idle.rs")))
        .finding_type(COST_TYPE)
        .resource_type(NAT_GATEWAY)
        .well_architected(Pillar::CostOptimization, "COST04-BP02")
        .remediation(
            "Delete NAT gateways no route uses.",
            Some("https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-pricing.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources_of::<Value>(NAT_GATEWAY)?
            .iter()
            .filter(|nat| {
                nat.configuration.get("State").and_then(Value::as_str) == Some("available")
            })
            .map(|nat| {
                let id = nat
                    .configuration
                    .get("NatGatewayId")
                    .and_then(Value::as_str)
                    .unwrap_or(&nat.resource_id);
                match nat
                    .supplementary_configuration
                    .get("BytesOutToDestination")
                    .and_then(Value::as_f64)
                {
                    Some(bytes) if bytes > 0.0 => ctx.finding(
                        nat,
                        Status::Passed,
                        format!("NAT gateway {id} carried traffic"),
                    ),
                    Some(_) => waste(
                        ctx,
                        nat,
                        format!("NAT gateway {id} carried no traffic in 14 days"),
                        Some(NAT_GATEWAY_HOUR * HOURS_PER_MONTH),
                    ),
                    None => ctx.finding(
                        nat,
                        Status::NotAvailable,
                        format!("NAT gateway {id} has no traffic metric in the snapshot"),
                    ),
                }
            })
            .collect())
    }
}
