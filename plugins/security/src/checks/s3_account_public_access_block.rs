//! # S3 account-level public access block incomplete
//!
//! ## What it checks
//! The account's S3 public access block must have all four settings on:
//! `BlockPublicAcls`, `IgnorePublicAcls`, `BlockPublicPolicy` and
//! `RestrictPublicBuckets`. An account with no block configured fails.
//!
//! ## Why it matters
//! The account-level block overrides every bucket: one console click or
//! template mistake can no longer make data public.
//!
//! ## Remediation
//! `aws s3control put-public-access-block --account-id ID --public-access-block-configuration
//! BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{CIS_TYPE, flag};

pub(crate) struct S3AccountPublicAccessBlock;

const BLOCK: &str = "AWS::S3::AccountPublicAccessBlock";
const SETTINGS: [&str; 4] = [
    "BlockPublicAcls",
    "IgnorePublicAcls",
    "BlockPublicPolicy",
    "RestrictPublicBuckets",
];

impl Check for S3AccountPublicAccessBlock {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("s3-account-public-access-block", "S3 public access is blocked for the whole account", Severity::High)
            .description(module_doc(include_str!("s3_account_public_access_block.rs")))
            .finding_type(CIS_TYPE)
            .resource_type(BLOCK)
            .compliance(["CIS-AWS-3.0/2.1.4", "AWS-FSBP/S3.1"])
            .well_architected(Pillar::Security, "SEC08-BP04")
            .remediation(
                "Turn on all four settings of the account-level S3 public access block.",
                Some("https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        if !ctx.collection_errors(BLOCK).is_empty() {
            return Ok(Vec::new());
        }
        let account = ctx.account(GLOBAL_REGION)?;
        let id = account.account.clone();
        let Some(block) = ctx.resources_of::<Value>(BLOCK)?.into_iter().next() else {
            return Ok(vec![ctx.finding(
                account,
                Status::Failed,
                format!("account {id} has no S3 public access block"),
            )]);
        };
        let off: Vec<&str> = SETTINGS
            .into_iter()
            .filter(|s| !flag(&block.configuration, &format!("/{s}")))
            .collect();
        Ok(vec![if off.is_empty() {
            ctx.finding(
                account,
                Status::Passed,
                format!("account {id} blocks S3 public access"),
            )
        } else {
            ctx.finding(
                account,
                Status::Failed,
                format!(
                    "account {id}'s S3 public access block leaves {} off",
                    off.join(", ")
                ),
            )
        }])
    }
}
