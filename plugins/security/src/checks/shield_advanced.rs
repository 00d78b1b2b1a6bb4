//! # Internet-facing resources without Shield Advanced protection
//!
//! ## What it checks
//! When the account subscribes to AWS Shield Advanced
//! (`Parapet::Shield::Subscription` with `SubscriptionState` `ACTIVE`), every
//! internet-facing load balancer and every CloudFront distribution must have
//! a Shield protection (`AWS::Shield::Protection` naming its ARN). Without a
//! subscription the check passes the account: Shield Standard covers it.
//!
//! ## Why it matters
//! The subscription only protects resources that are added to it; a
//! resource left out gets neither the DDoS response team nor the cost
//! protection that were paid for.
//!
//! ## Remediation
//! `aws shield create-protection --name NAME --resource-arn ARN` for each
//! internet-facing resource, or protect them with a Firewall Manager policy.

use std::collections::HashSet;

use parapet_sdk::prelude::*;
use serde_json::Value;

use super::{BEST_PRACTICE_TYPE, text};

pub(crate) struct ShieldAdvanced;

const SUBSCRIPTION: &str = "Parapet::Shield::Subscription";
const PROTECTION: &str = "AWS::Shield::Protection";
const LOAD_BALANCER: &str = "AWS::ElasticLoadBalancingV2::LoadBalancer";
const DISTRIBUTION: &str = "AWS::CloudFront::Distribution";

impl Check for ShieldAdvanced {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("shield-advanced-protections", "Shield Advanced protects every internet-facing resource", Severity::Medium)
            .description(module_doc(include_str!("shield_advanced.rs")))
            .finding_type(BEST_PRACTICE_TYPE)
            .resource_type(SUBSCRIPTION)
            .resource_type(PROTECTION)
            .resource_type(LOAD_BALANCER)
            .resource_type(DISTRIBUTION)
            .well_architected(Pillar::Security, "SEC05-BP03")
            .well_architected(Pillar::Reliability, "REL11-BP01")
            .remediation(
                "Add a Shield Advanced protection for each internet-facing resource.",
                Some("https://docs.aws.amazon.com/waf/latest/developerguide/configure-new-protection.html"),
            )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let subscribed = ctx
            .resources_of::<Value>(SUBSCRIPTION)?
            .iter()
            .any(|s| text(&s.configuration, "/SubscriptionState") == "ACTIVE");
        if !subscribed {
            let account = ctx.account(GLOBAL_REGION)?;
            let id = account.account.clone();
            return Ok(vec![ctx.finding(
                account,
                Status::Passed,
                format!("account {id} does not subscribe to Shield Advanced; nothing to protect"),
            )]);
        }
        let protected: HashSet<String> = ctx
            .resources_of::<Value>(PROTECTION)?
            .iter()
            .map(|p| text(&p.configuration, "/ResourceArn").to_owned())
            .collect();
        let exposed = ctx
            .resources_of::<Value>(LOAD_BALANCER)?
            .into_iter()
            .filter(|lb| text(&lb.configuration, "/Scheme") == "internet-facing")
            .chain(ctx.resources_of::<Value>(DISTRIBUTION)?);
        Ok(exposed
            .map(|resource| {
                let arn = resource.arn_or_id().to_owned();
                if protected.contains(&arn) {
                    ctx.finding(
                        &resource,
                        Status::Passed,
                        format!("{arn} is protected by Shield Advanced"),
                    )
                } else {
                    ctx.finding(
                        &resource,
                        Status::Failed,
                        format!("{arn} is internet-facing and has no Shield Advanced protection"),
                    )
                }
            })
            .collect())
    }
}
