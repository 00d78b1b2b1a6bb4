//! # Policies granting a whole service (`s3:*`)
//!
//! ## What it checks
//! No customer-managed or inline policy may allow every action of a service
//! (`s3:*`, `iam:*`, `ec2:*`) on any resource. `*` on `*` has its own check.
//!
//! ## Why it matters
//! `service:*` grants administration of that service, including deleting
//! data, changing its access policies and turning off its logging; it is
//! almost never what the workload needs.
//!
//! ## Remediation
//! List the actions the workload uses (IAM Access Analyzer can generate a
//! policy from CloudTrail activity).

use parapet_sdk::prelude::*;

use super::{BEST_PRACTICE_TYPE, customer_policies, one_per_resource, reads_policies};

pub(crate) struct PolicyServiceWildcard;

impl Check for PolicyServiceWildcard {
    fn metadata(&self) -> CheckMetadata {
        reads_policies(CheckMetadata::new("iam-policy-service-wildcard", "No customer policy grants a whole service", Severity::Medium)
            .description(module_doc(include_str!("policy_service_wildcard.rs")))
            .finding_type(BEST_PRACTICE_TYPE)
            .compliance(["AWS-FSBP/IAM.21"])
            .well_architected(Pillar::Security, "SEC03-BP02")
            .remediation(
                "Replace service-wide wildcards with the actions the workload needs.",
                Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"),
            ))
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let verdicts = customer_policies(ctx)?
            .iter()
            .map(|policy| {
                let mut wildcards: Vec<String> = policy
                    .document
                    .allows()
                    .flat_map(|s| s.action.iter())
                    .filter(|a| a.len() > 2 && a.ends_with(":*"))
                    .cloned()
                    .collect();
                wildcards.sort();
                wildcards.dedup();
                let problem = (!wildcards.is_empty())
                    .then(|| format!("{} allows {}", policy.label, wildcards.join(", ")));
                let ok = format!("{} grants no service-wide wildcard", policy.label);
                (policy.resource.clone(), problem, ok)
            })
            .collect();
        Ok(one_per_resource(ctx, verdicts))
    }
}
