//! # EBS encryption by default is off
//!
//! ## What it checks
//! In every region the snapshot covers, EBS encryption by default must be
//! on. A region the snapshot has no setting for is reported as not
//! available.
//!
//! ## Why it matters
//! With the default on, no one can create an unencrypted volume or snapshot
//! by forgetting a flag; encryption stops depending on every launch template
//! being right.
//!
//! ## Remediation
//! `aws ec2 enable-ebs-encryption-by-default --region REGION` in every region.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::EbsEncryptionByDefault;

use super::CIS_TYPE;

pub(crate) struct EbsDefaultEncryption;

impl Check for EbsDefaultEncryption {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "ec2-ebs-default-encryption",
            "EBS encryption by default is on in every region",
            Severity::Medium,
        )
        .description(module_doc(include_str!("ebs_default_encryption.rs")))
        .finding_type(CIS_TYPE)
        .resource_type(EbsEncryptionByDefault::RESOURCE_TYPE)
        .compliance(["CIS-AWS-3.0/2.2.1", "AWS-FSBP/EC2.7"])
        .well_architected(Pillar::Security, "SEC08-BP02")
        .remediation(
            "Enable EBS encryption by default in every region.",
            Some("https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let settings = ctx.resources::<EbsEncryptionByDefault>()?;
        let gaps = ctx.collection_errors(EbsEncryptionByDefault::RESOURCE_TYPE);
        let mut findings = Vec::new();
        for region in ctx.scan()?.regions {
            let account = ctx.account(&region)?;
            match settings.iter().find(|s| s.aws_region == region) {
                Some(s) if s.configuration.ebs_encryption_by_default => findings.push(ctx.finding(
                    account,
                    Status::Passed,
                    format!("EBS encryption by default is on in {region}"),
                )),
                Some(_) => findings.push(ctx.finding(
                    account,
                    Status::Failed,
                    format!("EBS encryption by default is off in {region}"),
                )),
                // The host reports collection errors itself.
                None if gaps.iter().any(|g| g.region == region) => {}
                None => findings.push(ctx.finding(
                    account,
                    Status::NotAvailable,
                    format!("the snapshot has no EBS encryption setting for {region}"),
                )),
            }
        }
        Ok(findings)
    }
}
