//! # Transit gateway accepts attachments automatically
//!
//! ## What it checks
//! No transit gateway may have `AutoAcceptSharedAttachments` set to `enable`.
//!
//! ## Why it matters
//! With auto-accept on, any account the gateway is shared with can attach a
//! VPC and join the network without review.
//!
//! ## Remediation
//! `aws ec2 modify-transit-gateway --transit-gateway-id ID --options AutoAcceptSharedAttachments=disable`

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::TransitGateway;

use super::BEST_PRACTICE_TYPE;

pub(crate) struct TgwAutoAccept;

impl Check for TgwAutoAccept {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "vpc-tgw-auto-accept",
            "Transit gateways do not auto-accept attachments",
            Severity::High,
        )
        .description(module_doc(include_str!("tgw_auto_accept.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .resource_type(TransitGateway::RESOURCE_TYPE)
        .compliance(["AWS-FSBP/EC2.23"])
        .well_architected(Pillar::Security, "SEC05-BP01")
        .remediation(
            "Turn off AutoAcceptSharedAttachments on the transit gateway.",
            Some("https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<TransitGateway>()?
            .iter()
            .map(|tgw| {
                let id = &tgw.configuration.transit_gateway_id;
                if tgw.configuration.options.auto_accept_shared_attachments == "enable" {
                    ctx.finding(
                        tgw,
                        Status::Failed,
                        format!("transit gateway {id} accepts shared attachments automatically"),
                    )
                } else {
                    ctx.finding(
                        tgw,
                        Status::Passed,
                        format!("transit gateway {id} requires attachments to be accepted"),
                    )
                }
            })
            .collect())
    }
}
