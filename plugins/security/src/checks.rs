mod cloudfront_waf;
mod cloudtrail_multi_region;
mod config_recording;
mod detective_enabled;
mod elb_waf;
mod guardduty_enabled;
mod guardduty_response;
mod identity_center;
mod inspector_enabled;
mod kms_key_rotation;
mod macie_enabled;
mod organizations_scp;
mod s3_account_public_access_block;
mod secrets_rotation;
mod securityhub_enabled;
mod shield_advanced;

pub(crate) use cloudfront_waf::CloudFrontWaf;
pub(crate) use cloudtrail_multi_region::CloudTrailMultiRegion;
pub(crate) use config_recording::ConfigRecording;
pub(crate) use detective_enabled::DetectiveEnabled;
pub(crate) use elb_waf::ElbWaf;
pub(crate) use guardduty_enabled::GuardDutyEnabled;
pub(crate) use guardduty_response::GuardDutyResponse;
pub(crate) use identity_center::IdentityCenter;
pub(crate) use inspector_enabled::InspectorEnabled;
pub(crate) use kms_key_rotation::KmsKeyRotation;
pub(crate) use macie_enabled::MacieEnabled;
pub(crate) use organizations_scp::OrganizationsScp;
pub(crate) use s3_account_public_access_block::S3AccountPublicAccessBlock;
pub(crate) use secrets_rotation::SecretsRotation;
pub(crate) use securityhub_enabled::SecurityHubEnabled;
pub(crate) use shield_advanced::ShieldAdvanced;

use parapet_sdk::prelude::*;
use serde::de::DeserializeOwned;

/// ASFF type for checks that implement a CIS AWS Foundations Benchmark control.
pub(crate) const CIS_TYPE: &str = "Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark";

/// ASFF type for AWS security best-practice checks.
pub(crate) const BEST_PRACTICE_TYPE: &str =
    "Software and Configuration Checks/AWS Security Best Practices";

/// One account-level finding per region the snapshot covers: `enabled`
/// decides from that region's items of `resource_type`. Regions whose
/// collection failed are left to the host's not-available findings.
pub(crate) fn per_region<C: DeserializeOwned + Default + Clone + 'static>(
    ctx: &Context,
    resource_type: &str,
    service: &str,
    enabled: impl Fn(&[&ConfigurationItem<C>]) -> bool,
) -> Result<Vec<Finding>, PluginError> {
    let items = ctx.resources_of::<C>(resource_type)?;
    let gaps = ctx.collection_errors(resource_type);
    let mut findings = Vec::new();
    for region in ctx.scan()?.regions {
        if gaps
            .iter()
            .any(|gap| gap.region == region || gap.region == GLOBAL_REGION)
        {
            continue;
        }
        let here: Vec<&ConfigurationItem<C>> =
            items.iter().filter(|i| i.aws_region == region).collect();
        let account = ctx.account(&region)?;
        findings.push(if enabled(&here) {
            ctx.finding(
                account,
                Status::Passed,
                format!("{service} is enabled in {region}"),
            )
        } else {
            ctx.finding(
                account,
                Status::Failed,
                format!("{service} is not enabled in {region}"),
            )
        });
    }
    Ok(findings)
}

/// Reads a field of a JSON configuration as text.
pub(crate) fn text<'a>(value: &'a serde_json::Value, pointer: &str) -> &'a str {
    value
        .pointer(pointer)
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
}

/// Reads a field of a JSON configuration as a boolean (false when absent).
pub(crate) fn flag(value: &serde_json::Value, pointer: &str) -> bool {
    value
        .pointer(pointer)
        .and_then(serde_json::Value::as_bool)
        .unwrap_or(false)
}
