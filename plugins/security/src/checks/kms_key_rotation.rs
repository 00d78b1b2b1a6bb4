//! # Customer managed KMS key without rotation
//!
//! ## What it checks
//! Every enabled, symmetric, customer managed KMS key with AWS-generated key
//! material must have automatic rotation on
//! (`supplementaryConfiguration.KeyRotationEnabled`, from
//! `GetKeyRotationStatus`).
//!
//! ## Why it matters
//! Rotation limits how much data one key version protects and how long a
//! compromised version stays useful, at no cost to the applications using
//! the key.
//!
//! ## Remediation
//! `aws kms enable-key-rotation --key-id KEY`

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{CIS_TYPE, text};

pub(crate) struct KmsKeyRotation;

const KEY: &str = "AWS::KMS::Key";

impl Check for KmsKeyRotation {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "kms-key-rotation",
            "Customer managed KMS keys rotate",
            Severity::Medium,
        )
        .description(module_doc(include_str!("kms_key_rotation.rs")))
        .finding_type(CIS_TYPE)
        .resource_type(KEY)
        .compliance(["CIS-AWS-3.0/3.6", "AWS-FSBP/KMS.4"])
        .well_architected(Pillar::Security, "SEC08-BP01")
        .remediation(
            "Enable automatic rotation on customer managed symmetric keys.",
            Some("https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources_of::<Value>(KEY)?
            .iter()
            .filter(|key| {
                let c = &key.configuration;
                text(c, "/KeyManager") == "CUSTOMER"
                    && text(c, "/KeySpec") == "SYMMETRIC_DEFAULT"
                    && text(c, "/KeyState") == "Enabled"
                    && text(c, "/Origin") == "AWS_KMS"
            })
            .map(|key| {
                let id = text(&key.configuration, "/KeyId");
                match key
                    .supplementary_configuration
                    .get("KeyRotationEnabled")
                    .and_then(Value::as_bool)
                {
                    Some(true) => ctx.finding(
                        key,
                        Status::Passed,
                        format!("KMS key {id} rotates automatically"),
                    ),
                    Some(false) => {
                        ctx.finding(key, Status::Failed, format!("KMS key {id} does not rotate"))
                    }
                    None => ctx.finding(
                        key,
                        Status::NotAvailable,
                        format!("the rotation status of KMS key {id} was not collected"),
                    ),
                }
            })
            .collect())
    }
}
