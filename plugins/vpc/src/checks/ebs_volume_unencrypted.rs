//! # Unencrypted EBS volume
//!
//! ## What it checks
//! Every EBS volume must be encrypted.
//!
//! ## Why it matters
//! Unencrypted volumes and the snapshots taken from them expose data to
//! anyone who gets a copy; encryption with KMS also puts access under key
//! policy and CloudTrail.
//!
//! ## Remediation
//! Snapshot the volume, copy the snapshot with encryption on, create a
//! volume from the copy and swap it in. Turn on encryption by default so it
//! does not happen again.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::Volume;

use super::BEST_PRACTICE_TYPE;

pub(crate) struct EbsVolumeUnencrypted;

impl Check for EbsVolumeUnencrypted {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "ec2-ebs-volume-unencrypted",
            "EBS volumes are encrypted",
            Severity::Medium,
        )
        .description(module_doc(include_str!("ebs_volume_unencrypted.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .resource_type(Volume::RESOURCE_TYPE)
        .compliance(["AWS-FSBP/EC2.3"])
        .well_architected(Pillar::Security, "SEC08-BP02")
        .remediation(
            "Replace unencrypted volumes with encrypted copies.",
            Some("https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<Volume>()?
            .iter()
            .map(|volume| {
                let id = &volume.configuration.volume_id;
                if volume.configuration.encrypted {
                    ctx.finding(volume, Status::Passed, format!("volume {id} is encrypted"))
                } else {
                    ctx.finding(
                        volume,
                        Status::Failed,
                        format!("volume {id} is not encrypted"),
                    )
                }
            })
            .collect())
    }
}
