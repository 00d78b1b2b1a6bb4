//! # Instance with a public IP address
//!
//! ## What it checks
//! No instance may have a public IPv4 address.
//!
//! ## Why it matters
//! A public address makes the instance reachable from the internet as far as
//! its security groups allow; one rule too many and it is exposed. Public
//! entry points belong on load balancers, CloudFront or API Gateway.
//!
//! ## Remediation
//! Move the instance to a private subnet behind a load balancer, and reach it
//! for administration with Session Manager.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::Instance;

use super::BEST_PRACTICE_TYPE;

pub(crate) struct InstancePublicIp;

impl Check for InstancePublicIp {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "ec2-instance-public-ip",
            "Instances have no public IPv4 address",
            Severity::High,
        )
        .description(module_doc(include_str!("instance_public_ip.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .resource_type(Instance::RESOURCE_TYPE)
        .compliance(["AWS-FSBP/EC2.9"])
        .well_architected(Pillar::Security, "SEC05-BP01")
        .remediation(
            "Put instances in private subnets behind a load balancer.",
            Some(
                "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-9",
            ),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<Instance>()?
            .iter()
            .filter(|i| i.configuration.state.name != "terminated")
            .map(|instance| {
                let id = &instance.configuration.instance_id;
                match &instance.configuration.public_ip_address {
                    Some(ip) => ctx.finding(
                        instance,
                        Status::Failed,
                        format!("instance {id} has public IP address {ip}"),
                    ),
                    None => ctx.finding(
                        instance,
                        Status::Passed,
                        format!("instance {id} has no public IP address"),
                    ),
                }
            })
            .collect())
    }
}
