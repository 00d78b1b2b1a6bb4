//! The Resource Groups Tagging API (per region): tags of every tagged
//! resource, and the taggable resources parapet has no collector for.
//!
//! The API only knows resources that carry or once carried a tag, so it
//! completes the services' own listings rather than replacing them.

use std::collections::{BTreeMap, HashSet};

use aws_sdk_resourcegroupstagging::Client;
use parapet_snapshot::ConfigurationItem;
use serde_json::Value;

use crate::account::{Account, Scope, Unit};
use crate::error::CallError;
use crate::json::tag_map;

/// Types known only through the tagging API.
const S3_BUCKET: &str = "AWS::S3::Bucket";
const LAMBDA_FUNCTION: &str = "AWS::Lambda::Function";
const DYNAMODB_TABLE: &str = "AWS::DynamoDB::Table";
const SNS_TOPIC: &str = "AWS::SNS::Topic";
const SQS_QUEUE: &str = "AWS::SQS::Queue";

pub(crate) fn units<'a>(account: &'a Account, region: &str) -> Vec<Unit<'a>> {
    vec![account.unit(
        "tag",
        region,
        &[
            S3_BUCKET,
            LAMBDA_FUNCTION,
            DYNAMODB_TABLE,
            SNS_TOPIC,
            SQS_QUEUE,
        ],
        tagged_resources,
    )]
}

async fn tagged_resources(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let pages = scope
        .pages(
            "GetResources",
            client.get_resources().into_paginator().send(),
        )
        .await?;
    for mapping in pages.iter().flat_map(|p| p.resource_tag_mapping_list()) {
        if let Some(arn) = mapping.resource_arn() {
            let tags = tag_map(
                mapping
                    .tags()
                    .iter()
                    .map(|t| (Some(t.key()), Some(t.value()))),
            );
            scope.add_tagged(arn.to_owned(), tags);
        }
    }
    Ok(())
}

/// The AWS Config type and id of a resource the tagging API listed, for the
/// types parapet knows only from it.
fn type_and_id(arn: &str) -> Option<(&'static str, String)> {
    let mut parts = arn.splitn(6, ':');
    let (_, _, service, _, _, resource) = (
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    );
    match service {
        "s3" if !resource.contains('/') => Some((S3_BUCKET, resource.to_owned())),
        "lambda" => resource.strip_prefix("function:").map(|name| {
            (
                LAMBDA_FUNCTION,
                name.split(':').next().unwrap_or(name).to_owned(),
            )
        }),
        "dynamodb" => resource
            .strip_prefix("table/")
            .filter(|name| !name.contains('/'))
            .map(|name| (DYNAMODB_TABLE, name.to_owned())),
        "sns" => Some((SNS_TOPIC, resource.to_owned())),
        "sqs" => Some((SQS_QUEUE, resource.to_owned())),
        _ => None,
    }
}

/// Adds the tagging API's resources of types with no collector, and its
/// tags to collected resources that came without any.
pub(crate) fn merge(
    resources: &mut Vec<ConfigurationItem>,
    tagged: Vec<(String, String, BTreeMap<String, String>)>,
    account_id: &str,
) {
    let mut by_arn: std::collections::HashMap<String, usize> = resources
        .iter()
        .enumerate()
        .filter_map(|(at, item)| Some((item.arn.clone()?, at)))
        .collect();
    let mut seen = HashSet::new();
    for (region, arn, tags) in tagged {
        if let Some(&at) = by_arn.get(&arn) {
            let item = &mut resources[at];
            if item.tags.is_empty() {
                item.tags = tags;
            }
            continue;
        }
        let Some((resource_type, id)) = type_and_id(&arn) else {
            continue;
        };
        // S3 buckets are listed by every region's endpoint; keep one.
        if !seen.insert(arn.clone()) {
            continue;
        }
        let region = if resource_type == S3_BUCKET {
            arn_region(&arn).map_or(region, str::to_owned)
        } else {
            region
        };
        by_arn.insert(arn.clone(), resources.len());
        resources.push(ConfigurationItem {
            resource_type: resource_type.to_owned(),
            resource_id: id,
            resource_name: None,
            arn: Some(arn.clone()),
            aws_region: region,
            account_id: account_id.to_owned(),
            tags,
            configuration: serde_json::json!({ "ResourceARN": arn }),
            supplementary_configuration: BTreeMap::from([(
                "Source".to_owned(),
                Value::String("tag:GetResources".to_owned()),
            )]),
        });
    }
}

fn arn_region(arn: &str) -> Option<&str> {
    arn.split(':').nth(3).filter(|r| !r.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_known_only_from_tags() {
        assert_eq!(
            type_and_id("arn:aws:s3:::orders-data"),
            Some((S3_BUCKET, "orders-data".to_owned()))
        );
        assert_eq!(
            type_and_id("arn:aws:lambda:us-east-1:123456789012:function:resize:prod"),
            Some((LAMBDA_FUNCTION, "resize".to_owned()))
        );
        assert_eq!(
            type_and_id("arn:aws:dynamodb:us-east-1:123456789012:table/orders"),
            Some((DYNAMODB_TABLE, "orders".to_owned()))
        );
        assert_eq!(
            type_and_id("arn:aws:ec2:us-east-1:123456789012:instance/i-1"),
            None
        );
        assert_eq!(type_and_id("not an arn"), None);
    }

    #[test]
    fn tags_fill_untagged_items_and_unknown_types_become_items() {
        let mut resources = vec![ConfigurationItem {
            resource_type: "AWS::EC2::Instance".to_owned(),
            resource_id: "i-1".to_owned(),
            resource_name: None,
            arn: Some("arn:aws:ec2:us-east-1:123456789012:instance/i-1".to_owned()),
            aws_region: "us-east-1".to_owned(),
            account_id: "123456789012".to_owned(),
            tags: BTreeMap::new(),
            configuration: Value::Null,
            supplementary_configuration: BTreeMap::new(),
        }];
        let tags = BTreeMap::from([("Project".to_owned(), "orders".to_owned())]);
        let tagged = vec![
            (
                "us-east-1".to_owned(),
                "arn:aws:ec2:us-east-1:123456789012:instance/i-1".to_owned(),
                tags.clone(),
            ),
            (
                "us-east-1".to_owned(),
                "arn:aws:s3:::orders-data".to_owned(),
                tags.clone(),
            ),
            (
                "eu-west-1".to_owned(),
                "arn:aws:s3:::orders-data".to_owned(),
                tags.clone(),
            ),
        ];
        merge(&mut resources, tagged, "123456789012");
        assert_eq!(resources.len(), 2);
        assert_eq!(resources[0].tags, tags);
        assert_eq!(resources[1].resource_type, S3_BUCKET);
    }
}
