//! The network edge: Elastic Load Balancing (v2) load balancers with their
//! targets and web ACLs, AWS WAF web ACLs (per region and for CloudFront),
//! and CloudFront distributions (global).

use std::collections::{BTreeMap, HashMap, HashSet};

use aws_sdk_cloudfront::types as cf;
use aws_sdk_elasticloadbalancingv2::Client;
use aws_sdk_elasticloadbalancingv2::types as t;
use aws_sdk_wafv2::types as waf;
use aws_types::region::Region;
use serde_json::Value;

use crate::account::{Account, GLOBAL, Scope, Unit};
use crate::error::CallError;
use crate::json::{ToJson, tag_map, to_json};

const LOAD_BALANCER: &str = "AWS::ElasticLoadBalancingV2::LoadBalancer";
const WEB_ACL: &str = "AWS::WAFv2::WebACL";
const DISTRIBUTION: &str = "AWS::CloudFront::Distribution";

/// DescribeTags takes at most 20 resource ARNs per call.
const TAGS_PER_CALL: usize = 20;

/// Web ACLs of scope CLOUDFRONT are only served by this region's endpoint.
const CLOUDFRONT_WAF_REGION: &str = "us-east-1";

/// WAF's answer for a resource it does not know (such as a load balancer
/// deleted since it was listed): there is no web ACL to report.
const WAF_NO_SUCH_ITEM: &str = "WAFNonexistentItemException";

pub(crate) fn units<'a>(account: &'a Account, region: &str) -> Vec<Unit<'a>> {
    vec![
        account.unit(
            "elasticloadbalancing",
            region,
            &[LOAD_BALANCER],
            load_balancers,
        ),
        account.unit("wafv2", region, &[WEB_ACL], |scope| {
            web_acls(scope, waf::Scope::Regional)
        }),
    ]
}

pub(crate) fn global_units(account: &Account) -> Vec<Unit<'_>> {
    vec![
        account.unit("wafv2", GLOBAL, &[WEB_ACL], |scope| {
            web_acls(scope, waf::Scope::Cloudfront)
        }),
        account.unit("cloudfront", GLOBAL, &[DISTRIBUTION], distributions),
    ]
}

to_json! {
    t::LoadBalancer {
        "LoadBalancerArn" => load_balancer_arn, "LoadBalancerName" => load_balancer_name,
        "DNSName" => dns_name, "CanonicalHostedZoneId" => canonical_hosted_zone_id,
        "CreatedTime" => created_time, "Scheme" => scheme, "Type" => r#type, "State" => state,
        "VpcId" => vpc_id, "AvailabilityZones" => availability_zones,
        "SecurityGroups" => security_groups, "IpAddressType" => ip_address_type,
    }
    t::LoadBalancerState { "Code" => code, "Reason" => reason }
    t::AvailabilityZone { "ZoneName" => zone_name, "SubnetId" => subnet_id }
    waf::WebAclSummary {
        "Name" => name, "Id" => id, "ARN" => arn, "Description" => description,
    }
    cf::DistributionSummary {
        "Id" => id, "ARN" => arn, "DomainName" => domain_name, "Status" => status,
        "LastModifiedTime" => last_modified_time, "Enabled" => enabled,
        "WebACLId" => web_acl_id, "Comment" => comment, "PriceClass" => price_class,
        "HttpVersion" => http_version, "Aliases" => aliases, "Origins" => origins,
        "ViewerCertificate" => viewer_certificate,
    }
    cf::Aliases { "Quantity" => quantity, "Items" => items }
    cf::Origins { "Quantity" => quantity, "Items" => items }
    cf::Origin { "Id" => id, "DomainName" => domain_name }
    cf::ViewerCertificate {
        "CloudFrontDefaultCertificate" => cloud_front_default_certificate,
        "ACMCertificateArn" => acm_certificate_arn, "IAMCertificateId" => iam_certificate_id,
        "SSLSupportMethod" => ssl_support_method,
        "MinimumProtocolVersion" => minimum_protocol_version,
    }
}

to_json!(
    enum t::LoadBalancerSchemeEnum, enum t::LoadBalancerTypeEnum, enum t::LoadBalancerStateEnum,
    enum t::IpAddressType, enum cf::PriceClass, enum cf::HttpVersion, enum cf::SslSupportMethod,
    enum cf::MinimumProtocolVersion,
);

async fn load_balancers(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "DescribeLoadBalancers",
            client.describe_load_balancers().into_paginator().send(),
        )
        .await?;
    let balancers: Vec<&t::LoadBalancer> = pages.iter().flat_map(|p| p.load_balancers()).collect();
    if balancers.is_empty() {
        return Ok(());
    }
    let arns: Vec<String> = balancers
        .iter()
        .filter_map(|lb| lb.load_balancer_arn().map(str::to_owned))
        .collect();
    let mut tags = load_balancer_tags(&scope, &client, &arns).await;
    let targets = registered_targets(&scope, &client).await;
    let waf_client = aws_sdk_wafv2::Client::new(&scope.config());
    let waf_scope = scope.as_service("wafv2", &[LOAD_BALANCER]);
    let mut waf_denied = false;
    for lb in balancers {
        let arn = lb.load_balancer_arn().unwrap_or_default();
        let mut item = scope.item(
            LOAD_BALANCER,
            lb.load_balancer_name().unwrap_or(arn),
            lb.to_json(),
        );
        item.arn = lb.load_balancer_arn().map(str::to_owned);
        item.tags = tags.remove(arn).unwrap_or_default();
        if let Some(count) = targets.as_ref().and_then(|t| t.count(arn)) {
            item.supplementary_configuration
                .insert("RegisteredTargets".to_owned(), Value::from(count));
        }
        // Only Application Load Balancers can have a WAF web ACL.
        if lb.r#type() == Some(&t::LoadBalancerTypeEnum::Application) && !waf_denied {
            let acl = waf_scope
                .call(
                    "GetWebACLForResource",
                    waf_client
                        .get_web_acl_for_resource()
                        .resource_arn(arn)
                        .send(),
                )
                .await;
            match acl {
                Ok(output) => {
                    if let Some(acl) = output.web_acl() {
                        item.supplementary_configuration
                            .insert("WebACLArn".to_owned(), Value::from(acl.arn()));
                    }
                }
                Err(error) if error.code == WAF_NO_SUCH_ITEM => {}
                Err(error) => {
                    // One denied permission would otherwise be recorded
                    // again for every load balancer of the region.
                    waf_denied = error.is_access_denied();
                    waf_scope.fail(error);
                }
            }
        }
        scope.add(item);
    }
    Ok(())
}

/// The tags of the load balancers `arns`, by ARN. A failed call is recorded
/// and leaves its load balancers untagged (the tagging API may still fill
/// them in).
async fn load_balancer_tags(
    scope: &Scope<'_>,
    client: &Client,
    arns: &[String],
) -> HashMap<String, BTreeMap<String, String>> {
    let mut tags = HashMap::new();
    for batch in arns.chunks(TAGS_PER_CALL) {
        let output = scope
            .call(
                "DescribeTags",
                client
                    .describe_tags()
                    .set_resource_arns(Some(batch.to_vec()))
                    .send(),
            )
            .await;
        match output {
            Ok(output) => {
                for description in output.tag_descriptions() {
                    if let Some(arn) = description.resource_arn() {
                        let pairs = description.tags().iter().map(|t| (t.key(), t.value()));
                        tags.insert(arn.to_owned(), tag_map(pairs));
                    }
                }
            }
            Err(error) => {
                let denied = error.is_access_denied();
                scope.fail(error);
                if denied {
                    break;
                }
            }
        }
    }
    tags
}

/// Targets registered with each load balancer, summed over its target
/// groups.
struct Targets {
    counts: HashMap<String, u64>,
    /// Load balancers with a target group whose targets could not be read.
    unknown: HashSet<String>,
}

impl Targets {
    /// `None` when the count is not known; a load balancer without target
    /// groups has none.
    fn count(&self, arn: &str) -> Option<u64> {
        if self.unknown.contains(arn) {
            None
        } else {
            Some(self.counts.get(arn).copied().unwrap_or(0))
        }
    }
}

/// The region's target groups are listed once, rather than per load
/// balancer, and each group attached to one is asked for its targets.
/// `None` when the groups could not be listed.
async fn registered_targets(scope: &Scope<'_>, client: &Client) -> Option<Targets> {
    let pages = scope
        .pages(
            "DescribeTargetGroups",
            client.describe_target_groups().into_paginator().send(),
        )
        .await;
    let pages = scope.recorded(pages)?;
    let mut targets = Targets {
        counts: HashMap::new(),
        unknown: HashSet::new(),
    };
    let mut denied = false;
    for group in pages.iter().flat_map(|p| p.target_groups()) {
        let balancers = group.load_balancer_arns();
        let Some(group_arn) = group.target_group_arn() else {
            continue;
        };
        if balancers.is_empty() {
            continue;
        }
        let health = if denied {
            None
        } else {
            let output = scope
                .call(
                    "DescribeTargetHealth",
                    client
                        .describe_target_health()
                        .target_group_arn(group_arn)
                        .send(),
                )
                .await;
            match output {
                Ok(output) => Some(output),
                Err(error) => {
                    // Once denied, the other groups would only repeat it.
                    denied = error.is_access_denied();
                    scope.fail(error);
                    None
                }
            }
        };
        match health {
            Some(output) => {
                let registered = output.target_health_descriptions().len() as u64;
                for arn in balancers {
                    *targets.counts.entry(arn.clone()).or_default() += registered;
                }
            }
            None => targets.unknown.extend(balancers.iter().cloned()),
        }
    }
    Some(targets)
}

async fn web_acls(scope: Scope<'_>, waf_scope: waf::Scope) -> Result<(), CallError> {
    let mut config = scope.config();
    if waf_scope == waf::Scope::Cloudfront {
        config = config
            .to_builder()
            .region(Region::new(CLOUDFRONT_WAF_REGION))
            .build();
    }
    let client = aws_sdk_wafv2::Client::new(&config);
    // ListWebACLs has no paginator in the SDK.
    let mut marker: Option<String> = None;
    loop {
        let output = scope
            .call(
                "ListWebACLs",
                client
                    .list_web_acls()
                    .scope(waf_scope.clone())
                    .limit(100)
                    .set_next_marker(marker.take())
                    .send(),
            )
            .await?;
        for acl in output.web_acls() {
            let mut item = scope.item(WEB_ACL, acl.id().unwrap_or_default(), acl.to_json());
            item.resource_name = acl.name().map(str::to_owned);
            item.arn = acl.arn().map(str::to_owned);
            scope.add(item);
        }
        // WAF may hand out a marker with its last page; the page after it
        // is then empty, which ends the listing as well.
        match output.next_marker() {
            Some(next) if !next.is_empty() && !output.web_acls().is_empty() => {
                marker = Some(next.to_owned());
            }
            _ => return Ok(()),
        }
    }
}

async fn distributions(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_cloudfront::Client::new(&scope.config());
    let pages = scope
        .pages(
            "ListDistributions",
            client.list_distributions().into_paginator().send(),
        )
        .await?;
    for distribution in pages
        .iter()
        .filter_map(|p| p.distribution_list())
        .flat_map(|list| list.items())
    {
        let mut item = scope.item(DISTRIBUTION, distribution.id(), distribution.to_json());
        item.arn = Some(distribution.arn().to_owned());
        scope.add(item);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_balancer_keeps_the_api_names_checks_read() {
        let lb = t::LoadBalancer::builder()
            .load_balancer_arn(
                "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1",
            )
            .load_balancer_name("web")
            .dns_name("web-1.us-east-1.elb.amazonaws.com")
            .scheme(t::LoadBalancerSchemeEnum::InternetFacing)
            .r#type(t::LoadBalancerTypeEnum::Application)
            .state(
                t::LoadBalancerState::builder()
                    .code(t::LoadBalancerStateEnum::Active)
                    .build(),
            )
            .availability_zones(
                t::AvailabilityZone::builder()
                    .zone_name("us-east-1a")
                    .subnet_id("subnet-1")
                    .build(),
            )
            .security_groups("sg-1")
            .build();
        assert_eq!(
            lb.to_json().unwrap(),
            serde_json::json!({
                "LoadBalancerArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1",
                "LoadBalancerName": "web",
                "DNSName": "web-1.us-east-1.elb.amazonaws.com",
                "Scheme": "internet-facing",
                "Type": "application",
                "State": {"Code": "active"},
                "AvailabilityZones": [{"ZoneName": "us-east-1a", "SubnetId": "subnet-1"}],
                "SecurityGroups": ["sg-1"],
            })
        );
    }

    #[test]
    fn distribution_without_web_acl_leaves_the_empty_id_out() {
        let distribution = cf::DistributionSummary::builder()
            .id("E1")
            .arn("arn:aws:cloudfront::123456789012:distribution/E1")
            .status("Deployed")
            .last_modified_time(aws_smithy_types::DateTime::from_secs(0))
            .domain_name("d1.cloudfront.net")
            .comment("")
            .price_class(cf::PriceClass::PriceClassAll)
            .enabled(true)
            .web_acl_id("")
            .http_version(cf::HttpVersion::Http2)
            .staging(false)
            .is_ipv6_enabled(false)
            .origins(
                cf::Origins::builder()
                    .quantity(1)
                    .items(
                        cf::Origin::builder()
                            .id("s3")
                            .domain_name("b.s3.amazonaws.com")
                            .build()
                            .unwrap(),
                    )
                    .build()
                    .unwrap(),
            )
            .build()
            .unwrap();
        let json = distribution.to_json().unwrap();
        // The API's "" means none; the snapshot leaves empty strings out,
        // and the check reads a missing id as none.
        assert!(json.get("WebACLId").is_none(), "{json}");
        assert_eq!(json["Enabled"], true);
        assert_eq!(json["PriceClass"], "PriceClass_All");
        assert_eq!(
            json["Origins"],
            serde_json::json!({"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "b.s3.amazonaws.com"}]})
        );
    }

    #[test]
    fn a_target_count_is_unknown_only_where_a_group_could_not_be_read() {
        let targets = Targets {
            counts: HashMap::from([("a".to_owned(), 3)]),
            unknown: HashSet::from(["b".to_owned()]),
        };
        assert_eq!(targets.count("a"), Some(3));
        assert_eq!(targets.count("b"), None);
        assert_eq!(targets.count("no-groups"), Some(0));
    }
}
