//! # No multi-region CloudTrail trail with log file validation
//!
//! ## What it checks
//! The account must have at least one trail that is multi-region, is
//! logging (`supplementaryConfiguration.TrailStatus.IsLogging`) and has log
//! file validation on. Each trail gets a finding; a trail missing any of the
//! three fails.
//!
//! ## Why it matters
//! CloudTrail is the record of every API call; a single-region trail misses
//! activity in the regions attackers favour because nobody looks there, and
//! without validation nobody can prove the logs were not edited.
//!
//! ## Remediation
//! `aws cloudtrail update-trail --name NAME --is-multi-region-trail --enable-log-file-validation`,
//! then `aws cloudtrail start-logging --name NAME`.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{CIS_TYPE, flag, text};

pub(crate) struct CloudTrailMultiRegion;

const TRAIL: &str = "AWS::CloudTrail::Trail";

impl Check for CloudTrailMultiRegion {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("cloudtrail-multi-region", "A multi-region CloudTrail trail logs with validation", Severity::High)
            .description(module_doc(include_str!("cloudtrail_multi_region.rs")))
            .finding_type(CIS_TYPE)
            .resource_type(TRAIL)
            .compliance(["CIS-AWS-3.0/3.1", "CIS-AWS-3.0/3.2", "AWS-FSBP/CloudTrail.1", "AWS-FSBP/CloudTrail.4"])
            .well_architected(Pillar::Security, "SEC04-BP01")
            .remediation(
                "Make a trail multi-region with log file validation, and keep it logging.",
                Some("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        if !ctx.collection_errors(TRAIL).is_empty() {
            return Ok(Vec::new());
        }
        let trails = ctx.resources_of::<Value>(TRAIL)?;
        if trails.is_empty() {
            let account = ctx.account(GLOBAL_REGION)?;
            let id = account.account.clone();
            return Ok(vec![ctx.finding(
                account,
                Status::Failed,
                format!("account {id} has no CloudTrail trail"),
            )]);
        }
        Ok(trails
            .iter()
            .map(|trail| {
                let config = &trail.configuration;
                let name = text(config, "/Name");
                let mut missing = Vec::new();
                if !flag(config, "/IsMultiRegionTrail") {
                    missing.push("is single-region");
                }
                if !flag(config, "/LogFileValidationEnabled") {
                    missing.push("has log file validation off");
                }
                if !trail
                    .supplementary_configuration
                    .get("TrailStatus")
                    .is_some_and(|s| flag(s, "/IsLogging"))
                {
                    missing.push("is not logging");
                }
                if missing.is_empty() {
                    ctx.finding(
                        trail,
                        Status::Passed,
                        format!("trail {name} logs every region with log file validation"),
                    )
                } else {
                    ctx.finding(
                        trail,
                        Status::Failed,
                        format!("trail {name} {}", missing.join(", ")),
                    )
                }
            })
            .collect())
    }
}
