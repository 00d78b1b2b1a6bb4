//! # IAM Access Analyzer not enabled
//!
//! ## What it checks
//! Every region the snapshot covers must have an active IAM Access Analyzer
//! analyzer (account or organization zone of trust).
//!
//! ## Why it matters
//! Access Analyzer finds resources shared outside the account or
//! organization (buckets, keys, roles, snapshots) as soon as a policy
//! changes; without it, an accidental public share goes unnoticed.
//!
//! ## Remediation
//! `aws accessanalyzer create-analyzer --analyzer-name account --type ACCOUNT`
//! in every region (or an ORGANIZATION analyzer from the delegated admin).

use parapet_sdk::prelude::*;

use super::CIS_TYPE;

pub(crate) struct AccessAnalyzerEnabled;

impl Check for AccessAnalyzerEnabled {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("iam-access-analyzer-enabled", "IAM Access Analyzer is enabled in every region", Severity::Medium)
            .description(module_doc(include_str!("access_analyzer_enabled.rs")))
            .finding_type(CIS_TYPE)
            .resource_type(Analyzer::RESOURCE_TYPE)
            .compliance(["CIS-AWS-3.0/1.20"])
            .well_architected(Pillar::Security, "SEC03-BP07")
            .remediation(
                "Create an IAM Access Analyzer analyzer in every region.",
                Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let analyzers = ctx.resources::<Analyzer>()?;
        let gaps = ctx.collection_errors(Analyzer::RESOURCE_TYPE);
        let mut findings = Vec::new();
        for region in ctx.scan()?.regions {
            if gaps.iter().any(|g| g.region == region) {
                continue;
            }
            let account = ctx.account(&region)?;
            let active: Vec<&str> = analyzers
                .iter()
                .filter(|a| a.aws_region == region && a.configuration.status == "ACTIVE")
                .map(|a| a.configuration.name.as_str())
                .collect();
            findings.push(if active.is_empty() {
                ctx.finding(
                    account,
                    Status::Failed,
                    format!("IAM Access Analyzer has no active analyzer in {region}"),
                )
            } else {
                ctx.finding(
                    account,
                    Status::Passed,
                    format!(
                        "IAM Access Analyzer is active in {region} ({})",
                        active.join(", ")
                    ),
                )
            });
        }
        Ok(findings)
    }
}
