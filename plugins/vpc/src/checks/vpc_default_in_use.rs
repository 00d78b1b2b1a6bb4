//! # Instances in a default VPC
//!
//! ## What it checks
//! No running or stopped instance may live in a region's default VPC.
//!
//! ## Why it matters
//! Default VPCs are built for a quick start: every subnet is public and
//! assigns public addresses. Workloads belong in VPCs designed for them.
//!
//! ## Remediation
//! Move the instances to a purpose-built VPC, then delete the default VPC if
//! nothing else uses it.

use std::collections::HashSet;

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::{Instance, Vpc};

use super::BEST_PRACTICE_TYPE;

pub(crate) struct VpcDefaultInUse;

impl Check for VpcDefaultInUse {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "vpc-default-vpc-in-use",
            "No instances run in a default VPC",
            Severity::Low,
        )
        .description(module_doc(include_str!("vpc_default_in_use.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .resource_type(Instance::RESOURCE_TYPE)
        .resource_type(Vpc::RESOURCE_TYPE)
        .well_architected(Pillar::Security, "SEC05-BP01")
        .remediation(
            "Run workloads in purpose-built VPCs rather than the default VPC.",
            Some("https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let defaults: HashSet<String> = ctx
            .resources::<Vpc>()?
            .into_iter()
            .filter(|vpc| vpc.configuration.is_default)
            .map(|vpc| vpc.configuration.vpc_id)
            .collect();
        Ok(ctx
            .resources::<Instance>()?
            .iter()
            .filter(|i| i.configuration.state.name != "terminated")
            .map(|instance| {
                let id = &instance.configuration.instance_id;
                match &instance.configuration.vpc_id {
                    Some(vpc) if defaults.contains(vpc) => ctx.finding(
                        instance,
                        Status::Failed,
                        format!("instance {id} runs in default VPC {vpc}"),
                    ),
                    _ => ctx.finding(
                        instance,
                        Status::Passed,
                        format!("instance {id} does not run in a default VPC"),
                    ),
                }
            })
            .collect())
    }
}
