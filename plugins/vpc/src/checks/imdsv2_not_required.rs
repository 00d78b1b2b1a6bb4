//! # Instance metadata service allows IMDSv1
//!
//! ## What it checks
//! Every instance with the metadata service enabled must require session
//! tokens (`HttpTokens` is `required`, i.e. IMDSv2 only).
//!
//! ## Why it matters
//! IMDSv1 answers any GET request; a server-side request forgery bug in the
//! application is then enough to steal the instance role's credentials.
//!
//! ## Remediation
//! `aws ec2 modify-instance-metadata-options --instance-id ID --http-tokens required`,
//! and set the account default for new instances.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::Instance;

use super::BEST_PRACTICE_TYPE;

pub(crate) struct Imdsv2NotRequired;

impl Check for Imdsv2NotRequired {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("ec2-imdsv2-required", "Instances require IMDSv2", Severity::High)
            .description(module_doc(include_str!("imdsv2_not_required.rs")))
            .finding_type(BEST_PRACTICE_TYPE)
            .resource_type(Instance::RESOURCE_TYPE)
            .compliance(["AWS-FSBP/EC2.8", "CIS-AWS-3.0/5.6"])
            .well_architected(Pillar::Security, "SEC06-BP02")
            .remediation(
                "Set HttpTokens to required on every instance.",
                Some("https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<Instance>()?
            .iter()
            .filter(|i| i.configuration.state.name != "terminated")
            .map(|instance| {
                let id = &instance.configuration.instance_id;
                match &instance.configuration.metadata_options {
                    Some(options) if options.http_endpoint == "disabled" => ctx.finding(
                        instance,
                        Status::Passed,
                        format!("instance {id} has the metadata service turned off"),
                    ),
                    Some(options) if options.http_tokens == "required" => ctx.finding(
                        instance,
                        Status::Passed,
                        format!("instance {id} requires IMDSv2"),
                    ),
                    Some(_) => ctx.finding(
                        instance,
                        Status::Failed,
                        format!("instance {id} still accepts IMDSv1 requests"),
                    ),
                    None => ctx.finding(
                        instance,
                        Status::NotAvailable,
                        format!("instance {id} has no metadata options in the snapshot"),
                    ),
                }
            })
            .collect())
    }
}
