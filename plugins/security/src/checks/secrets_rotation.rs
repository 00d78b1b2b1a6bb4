//! # Secrets Manager secret without rotation
//!
//! ## What it checks
//! Every Secrets Manager secret must have automatic rotation on
//! (`RotationEnabled`).
//!
//! ## Why it matters
//! A secret that never changes stays valid wherever it was copied: old
//! laptops, CI logs, former employees' notes.
//!
//! ## Remediation
//! Configure a rotation function and schedule for the secret (`aws
//! secretsmanager rotate-secret --rotation-rules AutomaticallyAfterDays=30`).

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{BEST_PRACTICE_TYPE, flag, text};

pub(crate) struct SecretsRotation;

const SECRET: &str = "AWS::SecretsManager::Secret";

impl Check for SecretsRotation {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "secretsmanager-rotation",
            "Secrets Manager secrets rotate automatically",
            Severity::Medium,
        )
        .description(module_doc(include_str!("secrets_rotation.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .resource_type(SECRET)
        .compliance(["AWS-FSBP/SecretsManager.1"])
        .well_architected(Pillar::Security, "SEC02-BP03")
        .remediation(
            "Turn on automatic rotation for the secret.",
            Some(
                "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html",
            ),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources_of::<Value>(SECRET)?
            .iter()
            .map(|secret| {
                let name = text(&secret.configuration, "/Name");
                if flag(&secret.configuration, "/RotationEnabled") {
                    ctx.finding(
                        secret,
                        Status::Passed,
                        format!("secret {name} rotates automatically"),
                    )
                } else {
                    ctx.finding(
                        secret,
                        Status::Failed,
                        format!("secret {name} is never rotated"),
                    )
                }
            })
            .collect())
    }
}
