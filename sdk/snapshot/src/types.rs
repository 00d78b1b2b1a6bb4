//! Typed views of the `configuration` of common resource types.
//!
//! Each type names its snapshot resource type ([`ResourceKind::RESOURCE_TYPE`])
//! and reads the API's own field names (PascalCase, as the AWS CLI prints
//! them). Every field is optional or defaulted: AWS adds fields over time and
//! omits empty ones, and a check must decide what a missing value means.

pub mod ec2;
pub mod iam;
pub mod policy;

use serde::de::DeserializeOwned;

/// A resource type with a typed `configuration`.
pub trait ResourceKind: DeserializeOwned + Default + Clone + 'static {
    /// The snapshot resource type, such as `AWS::IAM::User`.
    const RESOURCE_TYPE: &'static str;
}

/// A `configuration` a check does not read: parsing skips it without
/// building it, which matters when a check needs only ids and tags of
/// tens of thousands of resources.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Unread;

impl<'de> serde::Deserialize<'de> for Unread {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer).map(|_| Self)
    }
}

/// The resource type findings about the account as a whole use (as AWS Config does).
pub const ACCOUNT: &str = "AWS::::Account";

/// The id findings use for the account as a whole: `AWS::::Account:123456789012`,
/// as Security Hub's own controls write it.
#[must_use]
pub fn account_resource_id(account_id: &str) -> String {
    format!("{ACCOUNT}:{account_id}")
}

/// The region of global resources such as IAM's.
pub const GLOBAL_REGION: &str = "global";

/// Declares a typed configuration struct and its resource type.
macro_rules! resource_kind {
    ($ty:ty => $resource_type:literal) => {
        impl $crate::types::ResourceKind for $ty {
            const RESOURCE_TYPE: &'static str = $resource_type;
        }
    };
}
pub(crate) use resource_kind;
