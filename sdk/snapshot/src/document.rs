//! The snapshot document: what `parapet collect` writes and `parapet scan` reads.
//!
//! The envelope's fields are snake_case; each resource keeps the camelCase
//! shape of an AWS Config configuration item, so items exported from AWS
//! Config fit without change.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The snapshot format version this crate reads and writes.
///
/// Bumped on any change an older reader would misread; readers refuse other versions.
pub const SCHEMA_VERSION: u32 = 1;

/// One AWS account's configuration at one point in time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Format version; must equal [`SCHEMA_VERSION`].
    #[serde(deserialize_with = "supported_schema_version")]
    pub schema_version: u32,
    /// The 12-digit account id.
    pub account_id: String,
    /// `aws`, `aws-cn` or `aws-us-gov`.
    #[serde(default = "default_partition")]
    pub partition: String,
    /// Regions the collector visited.
    pub regions: Vec<String>,
    /// When collection finished.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub collected_at: jiff::Timestamp,
    /// API calls that failed while collecting; each may hide resources.
    #[serde(default)]
    pub collection_errors: Vec<CollectionError>,
    /// Every resource collected, as AWS Config configuration items.
    #[serde(default)]
    pub resources: Vec<ConfigurationItem>,
}

/// A resource, on the shape of an AWS Config configuration item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(bound = "C: schemars::JsonSchema + Default + Serialize")
)]
#[serde(rename_all = "camelCase")]
pub struct ConfigurationItem<C = Value> {
    /// AWS Config resource type, such as `AWS::EC2::SecurityGroup`. Data AWS
    /// Config has no type for uses the `Parapet::` namespace, such as
    /// `Parapet::IAM::PasswordPolicy`.
    pub resource_type: String,
    /// The resource's id, such as `sg-0123456789abcdef0`.
    pub resource_id: String,
    /// The resource's name, where it has one distinct from its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_name: Option<String>,
    /// The resource's ARN, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The region, or `global` for global services such as IAM.
    pub aws_region: String,
    /// The 12-digit account id that owns the resource.
    pub account_id: String,
    /// Tags, key to value.
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
    /// The resource as the AWS API described it (the API's own field names).
    ///
    /// `C` is [`Value`] in a snapshot, or one of the [`crate::types`] for a
    /// typed view of a known resource type.
    #[serde(default)]
    pub configuration: C,
    /// Related data returned by other API calls, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub supplementary_configuration: BTreeMap<String, Value>,
}

impl<C> ConfigurationItem<C> {
    /// The ARN where there is one, otherwise the resource id: what a finding names.
    #[must_use]
    pub fn arn_or_id(&self) -> &str {
        self.arn.as_deref().unwrap_or(&self.resource_id)
    }
}

/// An API call that failed during collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CollectionError {
    /// The service's IAM prefix, such as `ec2`.
    pub service: String,
    /// The region of the call, or `global`.
    pub region: String,
    /// The API operation, such as `DescribeSecurityGroups`.
    pub operation: String,
    /// The error code, such as `AccessDenied`.
    pub code: String,
    /// The error message as AWS returned it.
    pub message: String,
    /// Resource types this failure may have hidden. When empty, every
    /// resource type of `service` counts as affected.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resource_types: Vec<String>,
}

impl CollectionError {
    /// Whether this failure may have hidden resources of `resource_type`.
    #[must_use]
    pub fn affects(&self, resource_type: &str) -> bool {
        if self.resource_types.is_empty() {
            service_of(resource_type).eq_ignore_ascii_case(&self.service)
        } else {
            self.resource_types.iter().any(|t| t == resource_type)
        }
    }

    /// What a check that reads an affected resource type reports: it could
    /// not decide, and why.
    #[must_use]
    pub fn gap_message(&self) -> String {
        format!("could not be checked: {self}")
    }
}

impl std::fmt::Display for CollectionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{} failed in {} with {}: {}",
            self.service, self.operation, self.region, self.code, self.message
        )
    }
}

/// The service segment of a resource type: `AWS::EC2::Volume` → `EC2`.
#[must_use]
pub fn service_of(resource_type: &str) -> &str {
    resource_type.split("::").nth(1).unwrap_or(resource_type)
}

fn default_partition() -> String {
    "aws".to_owned()
}

fn supported_schema_version<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let version = u32::deserialize(d)?;
    if version == SCHEMA_VERSION {
        Ok(version)
    } else {
        Err(serde::de::Error::custom(format_args!(
            "unsupported schema_version {version}: this parapet reads version {SCHEMA_VERSION}; \
             collect the snapshot again with this parapet version"
        )))
    }
}
