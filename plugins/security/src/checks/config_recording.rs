//! # AWS Config not recording in every region
//!
//! ## What it checks
//! Every region the snapshot covers must have a configuration recorder that
//! is recording and records all supported resource types.
//!
//! ## Why it matters
//! AWS Config is the history of every resource's configuration: without it
//! there is no answer to "what changed, and when" during an incident, and
//! Security Hub's controls cannot evaluate the region.
//!
//! ## Remediation
//! Enable AWS Config in every region (or with an organization conformance
//! setup), recording all resource types.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{CIS_TYPE, flag, per_region};

pub(crate) struct ConfigRecording;

const RECORDER: &str = "AWS::Config::ConfigurationRecorder";

impl Check for ConfigRecording {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "config-recording",
            "AWS Config records in every region",
            Severity::Medium,
        )
        .description(module_doc(include_str!("config_recording.rs")))
        .finding_type(CIS_TYPE)
        .resource_type(RECORDER)
        .compliance(["CIS-AWS-3.0/3.3", "AWS-FSBP/Config.1"])
        .well_architected(Pillar::Security, "SEC04-BP01")
        .well_architected(Pillar::OperationalExcellence, "OPS08-BP01")
        .remediation(
            "Turn on AWS Config recording of all resource types in every region.",
            Some("https://docs.aws.amazon.com/config/latest/developerguide/gs-console.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        per_region::<Value>(
            ctx,
            RECORDER,
            "AWS Config recording of all resource types",
            |recorders| {
                recorders.iter().any(|r| {
                    flag(&r.configuration, "/recording")
                        && flag(&r.configuration, "/recordingGroup/allSupported")
                })
            },
        )
    }
}
