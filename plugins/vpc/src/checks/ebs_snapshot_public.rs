//! # Public EBS snapshot
//!
//! ## What it checks
//! No EBS snapshot the account owns may grant `createVolumePermission` to the
//! group `all` (`supplementaryConfiguration.CreateVolumePermissions`). A
//! snapshot whose permissions were not collected is not available.
//!
//! ## Why it matters
//! Anyone with an AWS account can create a volume from a public snapshot and
//! read every byte of it.
//!
//! ## Remediation
//! `aws ec2 modify-snapshot-attribute --snapshot-id ID --attribute createVolumePermission --operation-type remove --group-names all`,
//! and turn on the account's block public access for snapshots.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::EbsSnapshot;

use super::BEST_PRACTICE_TYPE;

pub(crate) struct EbsSnapshotPublic;

impl Check for EbsSnapshotPublic {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("ec2-ebs-snapshot-public", "EBS snapshots are not public", Severity::Critical)
            .description(module_doc(include_str!("ebs_snapshot_public.rs")))
            .finding_type(BEST_PRACTICE_TYPE)
            .resource_type(EbsSnapshot::RESOURCE_TYPE)
            .compliance(["AWS-FSBP/EC2.1"])
            .well_architected(Pillar::Security, "SEC08-BP04")
            .remediation(
                "Remove the public createVolumePermission from the snapshot.",
                Some("https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<EbsSnapshot>()?
            .iter()
            .map(|snapshot| {
                let id = &snapshot.configuration.snapshot_id;
                match snapshot
                    .supplementary_configuration
                    .get("CreateVolumePermissions")
                    .and_then(|p| p.as_array())
                {
                    None => ctx.finding(
                        snapshot,
                        Status::NotAvailable,
                        format!("snapshot {id} has no createVolumePermission data in the snapshot"),
                    ),
                    Some(grants)
                        if grants
                            .iter()
                            .any(|g| g.get("Group").and_then(|v| v.as_str()) == Some("all")) =>
                    {
                        ctx.finding(
                            snapshot,
                            Status::Failed,
                            format!("snapshot {id} can be restored by any AWS account"),
                        )
                    }
                    Some(_) => ctx.finding(
                        snapshot,
                        Status::Passed,
                        format!("snapshot {id} is not public"),
                    ),
                }
            })
            .collect())
    }
}
