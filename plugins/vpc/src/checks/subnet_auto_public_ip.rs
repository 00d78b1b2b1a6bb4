//! # Subnet assigns public IP addresses automatically
//!
//! ## What it checks
//! No subnet may have `MapPublicIpOnLaunch` on, except the default subnets
//! of a default VPC, which another check covers.
//!
//! ## Why it matters
//! Every instance launched there gets an internet-reachable address whether
//! or not its owner meant to publish it.
//!
//! ## Remediation
//! Turn off auto-assign public IPv4 on the subnet; give the few instances that
//! need one an Elastic IP or put them behind a load balancer.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::Subnet;

use super::BEST_PRACTICE_TYPE;

pub(crate) struct SubnetAutoPublicIp;

impl Check for SubnetAutoPublicIp {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "vpc-subnet-auto-public-ip",
            "Subnets do not assign public IPs automatically",
            Severity::Medium,
        )
        .description(module_doc(include_str!("subnet_auto_public_ip.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .resource_type(Subnet::RESOURCE_TYPE)
        .compliance(["AWS-FSBP/EC2.15"])
        .well_architected(Pillar::Security, "SEC05-BP01")
        .remediation(
            "Turn off auto-assign public IPv4 addresses on the subnet.",
            Some("https://docs.aws.amazon.com/vpc/latest/userguide/modify-subnets.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<Subnet>()?
            .iter()
            .filter(|subnet| !subnet.configuration.default_for_az)
            .map(|subnet| {
                let id = &subnet.configuration.subnet_id;
                if subnet.configuration.map_public_ip_on_launch {
                    ctx.finding(
                        subnet,
                        Status::Failed,
                        format!("subnet {id} gives every new instance a public IP address"),
                    )
                } else {
                    ctx.finding(
                        subnet,
                        Status::Passed,
                        format!("subnet {id} does not assign public IP addresses"),
                    )
                }
            })
            .collect())
    }
}
