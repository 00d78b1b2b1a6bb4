//! # Over-provisioned instances and volumes
//!
//! ## What it checks
//! AWS Compute Optimizer's EC2 and EBS recommendations
//! (`GetEC2InstanceRecommendations`, `GetEBSVolumeRecommendations`): a
//! resource it finds over-provisioned or not optimized fails, with the top
//! recommendation and its estimated monthly savings
//! (`EstimatedMonthlySavingsUsd` in the evidence).
//!
//! ## Why it matters
//! Instances sized for a peak that never came, and volumes provisioned for
//! IOPS nobody uses, are paid for every hour; Compute Optimizer measures
//! the real use from CloudWatch.
//!
//! ## Remediation
//! Apply the recommendation after checking the workload's peaks (instance:
//! stop, change type, start; volume: `modify-volume`).

use parapet_sdk::prelude::*;
use serde_json::{Value, json};

use super::{COST_TYPE, amount};

pub(crate) struct Rightsizing;

const EC2_RECOMMENDATION: &str = "Parapet::ComputeOptimizer::EC2Recommendation";
const EBS_RECOMMENDATION: &str = "Parapet::ComputeOptimizer::EBSRecommendation";

impl Check for Rightsizing {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("cost-rightsizing", "Instances and volumes are sized to their use", Severity::Low)
            .description(module_doc(include_str!("rightsizing.rs")))
            .finding_type(COST_TYPE)
            .resource_type(EC2_RECOMMENDATION)
            .resource_type(EBS_RECOMMENDATION)
            .well_architected(Pillar::CostOptimization, "COST06-BP03")
            .well_architected(Pillar::PerformanceEfficiency, "PERF02-BP02")
            .remediation(
                "Apply Compute Optimizer's right-sizing recommendations after checking peaks.",
                Some("https://docs.aws.amazon.com/compute-optimizer/latest/ug/viewing-recommendations.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let mut findings = Vec::new();
        for (kind, resource_type, options, option_name) in [
            (
                "instance",
                EC2_RECOMMENDATION,
                "/recommendationOptions",
                "/instanceType",
            ),
            (
                "volume",
                EBS_RECOMMENDATION,
                "/volumeRecommendationOptions",
                "/configuration/volumeType",
            ),
        ] {
            for rec in ctx.resources_of::<Value>(resource_type)? {
                let c = &rec.configuration;
                let finding = c.get("finding").and_then(Value::as_str).unwrap_or_default();
                let target = c
                    .get("instanceArn")
                    .or_else(|| c.get("volumeArn"))
                    .and_then(Value::as_str)
                    .unwrap_or(&rec.resource_id);
                let subject = ResourceRef {
                    resource_type: if kind == "instance" {
                        "AWS::EC2::Instance"
                    } else {
                        "AWS::EC2::Volume"
                    }
                    .to_owned(),
                    id: target.to_owned(),
                    region: rec.aws_region.clone(),
                    account: rec.account_id.clone(),
                };
                let short = target.rsplit('/').next().unwrap_or(target);
                let wasteful = matches!(
                    finding,
                    "OVER_PROVISIONED" | "Overprovisioned" | "NotOptimized" | "NOT_OPTIMIZED"
                );
                if !wasteful {
                    findings.push(ctx.finding(
                        subject,
                        Status::Passed,
                        format!("{kind} {short} is sized to its use ({finding})"),
                    ));
                    continue;
                }
                let best = c
                    .pointer(options)
                    .and_then(Value::as_array)
                    .and_then(|o| o.first());
                let suggestion = best
                    .and_then(|o| o.pointer(option_name))
                    .and_then(Value::as_str)
                    .unwrap_or("a smaller option");
                let savings = best
                    .and_then(|o| amount(o, "/savingsOpportunity/estimatedMonthlySavings/value"));
                let message = match savings {
                    Some(s) => format!(
                        "{kind} {target} is over-provisioned; {suggestion} would save about ${s:.2} a month"
                    ),
                    None => format!(
                        "{kind} {target} is over-provisioned; Compute Optimizer suggests {suggestion}"
                    ),
                };
                findings.push(ctx.finding(subject, Status::Failed, message).with_evidence(
                    json!({"EstimatedMonthlySavingsUsd": savings, "Recommendation": suggestion}),
                ));
            }
        }
        Ok(findings)
    }
}
