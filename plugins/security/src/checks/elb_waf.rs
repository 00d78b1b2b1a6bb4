//! # Internet-facing load balancer without a WAF web ACL
//!
//! ## What it checks
//! Every internet-facing Application Load Balancer must be associated with
//! an AWS WAF web ACL (`supplementaryConfiguration.WebACLArn`, from
//! `GetWebACLForResource`). Network and internal load balancers are not
//! inspected.
//!
//! ## Why it matters
//! A web ACL with the AWS managed rule groups stops common exploits, bad bots
//! and floods at the edge of the application, before they reach code.
//!
//! ## Remediation
//! Associate a web ACL with the load balancer (`aws wafv2
//! associate-web-acl`), starting from the AWS managed core rule set.

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{BEST_PRACTICE_TYPE, text};

pub(crate) struct ElbWaf;

const LOAD_BALANCER: &str = "AWS::ElasticLoadBalancingV2::LoadBalancer";

impl Check for ElbWaf {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("elb-waf", "Internet-facing load balancers have a WAF web ACL", Severity::Medium)
            .description(module_doc(include_str!("elb_waf.rs")))
            .finding_type(BEST_PRACTICE_TYPE)
            .resource_type(LOAD_BALANCER)
            .compliance(["AWS-FSBP/WAF.11"])
            .well_architected(Pillar::Security, "SEC05-BP03")
            .remediation(
                "Associate an AWS WAF web ACL with every internet-facing Application Load Balancer.",
                Some("https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources_of::<Value>(LOAD_BALANCER)?
            .iter()
            .filter(|lb| {
                text(&lb.configuration, "/Scheme") == "internet-facing"
                    && text(&lb.configuration, "/Type") == "application"
            })
            .map(|lb| {
                let name = text(&lb.configuration, "/LoadBalancerName");
                let acl = lb
                    .supplementary_configuration
                    .get("WebACLArn")
                    .and_then(Value::as_str)
                    .filter(|a| !a.is_empty());
                match acl {
                    Some(acl) => ctx.finding(
                        lb,
                        Status::Passed,
                        format!("load balancer {name} is protected by web ACL {acl}"),
                    ),
                    None => ctx.finding(
                        lb,
                        Status::Failed,
                        format!("internet-facing load balancer {name} has no WAF web ACL"),
                    ),
                }
            })
            .collect())
    }
}
