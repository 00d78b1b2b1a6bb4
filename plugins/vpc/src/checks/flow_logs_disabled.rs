//! # VPC without flow logs
//!
//! ## What it checks
//! Every VPC must have at least one active flow log (`FlowLogStatus` of
//! `ACTIVE`) attached to the VPC itself.
//!
//! ## Why it matters
//! Flow logs are the record of who talked to what; without them an incident
//! in the VPC cannot be investigated, and GuardDuty-style detection has less
//! to go on.
//!
//! ## Remediation
//! Create a flow log for the VPC that captures at least rejected traffic,
//! delivered to CloudWatch Logs or S3.

use std::collections::HashSet;

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::{FlowLog, Vpc};

use super::CIS_TYPE;

pub(crate) struct FlowLogsDisabled;

impl Check for FlowLogsDisabled {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "vpc-flow-logs-disabled",
            "VPC flow logging is enabled",
            Severity::Medium,
        )
        .description(module_doc(include_str!("flow_logs_disabled.rs")))
        .finding_type(CIS_TYPE)
        .resource_type(Vpc::RESOURCE_TYPE)
        .resource_type(FlowLog::RESOURCE_TYPE)
        .compliance(["CIS-AWS-3.0/3.7", "AWS-FSBP/EC2.6"])
        .well_architected(Pillar::Security, "SEC04-BP01")
        .remediation(
            "Create a flow log for each VPC.",
            Some("https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let watched: HashSet<String> = ctx
            .resources::<FlowLog>()?
            .into_iter()
            .filter(|log| {
                log.configuration
                    .flow_log_status
                    .eq_ignore_ascii_case("ACTIVE")
            })
            .map(|log| log.configuration.resource_id)
            .collect();
        // A region whose flow logs could not be listed proves nothing; the
        // host reports that gap, so its VPCs are left out here.
        let blind: HashSet<String> = ctx
            .collection_errors(FlowLog::RESOURCE_TYPE)
            .into_iter()
            .map(|error| error.region)
            .collect();
        Ok(ctx
            .resources::<Vpc>()?
            .iter()
            .filter(|vpc| !blind.contains(&vpc.aws_region))
            .map(|vpc| {
                let id = &vpc.configuration.vpc_id;
                if watched.contains(id) {
                    ctx.finding(
                        vpc,
                        Status::Passed,
                        format!("VPC {id} has an active flow log"),
                    )
                } else {
                    ctx.finding(
                        vpc,
                        Status::Failed,
                        format!("VPC {id} in {} has no active flow log", vpc.aws_region),
                    )
                }
            })
            .collect())
    }
}
