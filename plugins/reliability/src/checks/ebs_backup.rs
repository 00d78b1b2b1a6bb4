//! # EBS volume not covered by a backup plan
//!
//! ## What it checks
//! Every in-use EBS volume must be protected by AWS Backup: its ARN must be
//! among the account's protected resources (`ListProtectedResources`,
//! snapshot type `Parapet::Backup::ProtectedResource`), or it must carry
//! the tag `BackupPolicy` that the backup team's plan selects on.
//!
//! ## Why it matters
//! Volumes fail, get deleted and get encrypted by ransomware; without a
//! plan, recovery depends on someone having taken a snapshot by hand.
//!
//! ## Remediation
//! Add the volume to an AWS Backup plan (by tag or by resource), with a
//! retention that matches its recovery point objective.

use std::collections::HashSet;

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::Volume;
use serde_json::Value;

use super::{RELIABILITY_TYPE, text};

pub(crate) struct EbsBackup;

const PROTECTED: &str = "Parapet::Backup::ProtectedResource";

impl Check for EbsBackup {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "rel-ebs-backup",
            "EBS volumes are covered by a backup plan",
            Severity::Medium,
        )
        .description(module_doc(include_str!("ebs_backup.rs")))
        .finding_type(RELIABILITY_TYPE)
        .resource_type(Volume::RESOURCE_TYPE)
        .resource_type(PROTECTED)
        .compliance(["AWS-FSBP/EC2.28"])
        .well_architected(Pillar::Reliability, "REL09-BP03")
        .remediation(
            "Cover volumes with an AWS Backup plan.",
            Some("https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        if !ctx.collection_errors(PROTECTED).is_empty() {
            return Ok(Vec::new());
        }
        let protected: HashSet<String> = ctx
            .resources_of::<Value>(PROTECTED)?
            .iter()
            .map(|p| text(&p.configuration, "ResourceArn").to_owned())
            .collect();
        Ok(ctx
            .resources::<Volume>()?
            .iter()
            .filter(|v| v.configuration.state == "in-use")
            .map(|volume| {
                let id = &volume.configuration.volume_id;
                if protected.contains(volume.arn_or_id()) {
                    ctx.finding(
                        volume,
                        Status::Passed,
                        format!("volume {id} is protected by AWS Backup"),
                    )
                } else if volume.tags.contains_key("BackupPolicy") {
                    ctx.finding(
                        volume,
                        Status::Passed,
                        format!("volume {id} is selected by its BackupPolicy tag"),
                    )
                } else {
                    ctx.finding(
                        volume,
                        Status::Failed,
                        format!("volume {id} is not covered by any backup plan"),
                    )
                }
            })
            .collect())
    }
}
