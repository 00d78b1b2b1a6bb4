//! # CloudFront distribution without a WAF web ACL
//!
//! ## What it checks
//! Every CloudFront distribution must have a web ACL (`WebACLId` set).
//!
//! ## Why it matters
//! CloudFront is the front door of the sites behind it; a web ACL there
//! filters attacks before they cost origin capacity or reach the code.
//!
//! ## Remediation
//! Create a web ACL in `us-east-1` (scope CLOUDFRONT) and set it on the
//! distribution.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{BEST_PRACTICE_TYPE, text};

pub(crate) struct CloudFrontWaf;

const DISTRIBUTION: &str = "AWS::CloudFront::Distribution";

impl Check for CloudFrontWaf {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "cloudfront-waf",
            "CloudFront distributions have a WAF web ACL",
            Severity::Medium,
        )
        .description(module_doc(include_str!("cloudfront_waf.rs")))
        .finding_type(BEST_PRACTICE_TYPE)
        .resource_type(DISTRIBUTION)
        .compliance(["AWS-FSBP/CloudFront.6"])
        .well_architected(Pillar::Security, "SEC05-BP03")
        .remediation(
            "Associate an AWS WAF web ACL with every CloudFront distribution.",
            Some("https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources_of::<Value>(DISTRIBUTION)?
            .iter()
            .map(|distribution| {
                let id = text(&distribution.configuration, "/Id");
                match text(&distribution.configuration, "/WebACLId") {
                    "" => ctx.finding(
                        distribution,
                        Status::Failed,
                        format!("CloudFront distribution {id} has no WAF web ACL"),
                    ),
                    acl => ctx.finding(
                        distribution,
                        Status::Passed,
                        format!("CloudFront distribution {id} is protected by web ACL {acl}"),
                    ),
                }
            })
            .collect())
    }
}
