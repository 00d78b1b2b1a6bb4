//! # GuardDuty findings not routed to an automated response
//!
//! ## What it checks
//! Every region with GuardDuty enabled must have an enabled EventBridge rule
//! whose event pattern matches GuardDuty findings (`"source":
//! ["aws.guardduty"]`) and that targets a Lambda function or an SNS topic, so
//! that a playbook (for example: move the instance into an isolation security
//! group, snapshot its volumes, notify the on-call) runs on high-severity
//! findings without waiting for someone to read the console.
//!
//! ## Why it matters
//! Detection without response only tells you later what went wrong. Crypto
//! miners and credential exfiltration do their damage in minutes.
//!
//! ## Remediation
//! Create an EventBridge rule with the pattern
//! `{"source": ["aws.guardduty"], "detail": {"severity": [{"numeric": [">=", 7]}]}}`
//! and a Lambda (isolation playbook) or SNS (paging) target.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{BEST_PRACTICE_TYPE, text};

pub(crate) struct GuardDutyResponse;

const RULE: &str = "AWS::Events::Rule";
const DETECTOR: &str = "AWS::GuardDuty::Detector";

/// Whether the rule is enabled, matches GuardDuty findings and reaches Lambda or SNS.
fn routes_findings(rule: &ConfigurationItem<Value>) -> bool {
    let pattern: Value =
        serde_json::from_str(text(&rule.configuration, "/EventPattern")).unwrap_or(Value::Null);
    let from_guardduty = pattern
        .pointer("/source")
        .and_then(Value::as_array)
        .is_some_and(|sources| sources.iter().any(|s| s == "aws.guardduty"));
    let responders = rule
        .supplementary_configuration
        .get("Targets")
        .and_then(Value::as_array)
        .is_some_and(|targets| {
            targets.iter().any(|t| {
                let arn = text(t, "/Arn");
                arn.starts_with("arn:aws:lambda:") || arn.starts_with("arn:aws:sns:")
            })
        });
    text(&rule.configuration, "/State") == "ENABLED" && from_guardduty && responders
}

impl Check for GuardDutyResponse {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("guardduty-automated-response", "GuardDuty findings trigger an automated response", Severity::Medium)
            .description(module_doc(include_str!("guardduty_response.rs")))
            .finding_type(BEST_PRACTICE_TYPE)
            .resource_type(RULE)
            .resource_type(DETECTOR)
            .well_architected(Pillar::Security, "SEC10-BP06")
            .remediation(
                "Route GuardDuty findings through an EventBridge rule to a Lambda playbook or an SNS topic.",
                Some("https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_eventbridge.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let detectors = ctx.resources_of::<Value>(DETECTOR)?;
        let rules = ctx.resources_of::<Value>(RULE)?;
        let gaps = ctx.collection_errors(RULE);
        let mut findings = Vec::new();
        for region in ctx.scan()?.regions {
            let guarded = detectors
                .iter()
                .any(|d| d.aws_region == region && text(&d.configuration, "/Status") == "ENABLED");
            if !guarded || gaps.iter().any(|g| g.region == region) {
                // No GuardDuty here: guardduty-enabled reports that.
                continue;
            }
            let routing: Vec<&str> = rules
                .iter()
                .filter(|r| r.aws_region == region && routes_findings(r))
                .map(|r| text(&r.configuration, "/Name"))
                .collect();
            let account = ctx.account(&region)?;
            findings.push(if routing.is_empty() {
                ctx.finding(
                    account,
                    Status::Failed,
                    format!("GuardDuty findings in {region} reach no Lambda or SNS responder"),
                )
            } else {
                ctx.finding(
                    account,
                    Status::Passed,
                    format!(
                        "GuardDuty findings in {region} trigger {}",
                        routing.join(", ")
                    ),
                )
            });
        }
        Ok(findings)
    }
}
