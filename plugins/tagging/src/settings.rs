//! The tagging policy, shared by every check of the plugin.

use std::collections::BTreeMap;

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::Unread;
use serde::Deserialize;

/// `[plugins.tagging.settings]` in the user's configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct Policy {
    /// Keys every taggable resource must carry.
    pub(crate) required_keys: Vec<String>,
    /// Resource types the policy applies to.
    pub(crate) resource_types: Vec<String>,
    /// Allowed values per key; `*` and `?` are wildcards (`CC-*`).
    pub(crate) allowed_values: BTreeMap<String, Vec<String>>,
    /// Spellings that mean a required key, such as `env` for `Environment`.
    pub(crate) aliases: BTreeMap<String, Vec<String>>,
    /// Share of resources, in percent, that must carry every required key.
    pub(crate) compliance_target: f64,
}

/// Resource types that cost money or carry data: what a FinOps team tags.
pub(crate) const TAGGABLE_TYPES: &[&str] = &[
    "AWS::EC2::Instance",
    "AWS::EC2::Volume",
    "AWS::EC2::Snapshot",
    "AWS::EC2::EIP",
    "AWS::EC2::NatGateway",
    "AWS::EC2::VPC",
    "AWS::EC2::Subnet",
    "AWS::EC2::SecurityGroup",
    "AWS::EC2::TransitGateway",
    "AWS::ElasticLoadBalancingV2::LoadBalancer",
    "AWS::RDS::DBInstance",
    "AWS::S3::Bucket",
    "AWS::Lambda::Function",
];

impl Default for Policy {
    fn default() -> Self {
        let strings = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        Self {
            required_keys: strings(&["Environment", "Project", "Owner", "CostCenter"]),
            resource_types: strings(TAGGABLE_TYPES),
            allowed_values: BTreeMap::from([(
                "Environment".to_owned(),
                strings(&["prod", "staging", "dev", "test", "sandbox"]),
            )]),
            aliases: BTreeMap::from([
                ("Environment".to_owned(), strings(&["env", "stage"])),
                (
                    "CostCenter".to_owned(),
                    strings(&["cost-center", "costcentre", "cost_center"]),
                ),
                ("Owner".to_owned(), strings(&["owner-email", "contact"])),
                (
                    "Project".to_owned(),
                    strings(&["proj", "application", "app"]),
                ),
            ]),
            compliance_target: 95.0,
        }
    }
}

impl Policy {
    /// The policy from the plugin's settings.
    pub(crate) fn load(ctx: &Context) -> Result<Self, PluginError> {
        let policy: Self = ctx.settings()?;
        if !(0.0..=100.0).contains(&policy.compliance_target) {
            return Err(PluginError::InvalidSettings(format!(
                "compliance_target {} is not a percentage between 0 and 100",
                policy.compliance_target
            )));
        }
        Ok(policy)
    }

    /// Every resource the policy applies to; tags matter, configurations do not.
    pub(crate) fn resources(
        &self,
        ctx: &Context,
    ) -> Result<Vec<ConfigurationItem<Unread>>, PluginError> {
        let mut all = Vec::new();
        for resource_type in &self.resource_types {
            all.extend(ctx.resources_of::<Unread>(resource_type)?);
        }
        Ok(all)
    }

    /// Required keys the resource lacks (exact, case-sensitive match, as AWS
    /// cost allocation compares keys).
    pub(crate) fn missing_keys<'a, C>(&'a self, item: &ConfigurationItem<C>) -> Vec<&'a str> {
        self.required_keys
            .iter()
            .filter(|key| !item.tags.contains_key(key.as_str()))
            .map(String::as_str)
            .collect()
    }
}

/// A resource's name for messages: its type's last segment and id.
pub(crate) fn describe<C>(item: &ConfigurationItem<C>) -> String {
    let kind = item
        .resource_type
        .rsplit("::")
        .next()
        .unwrap_or(&item.resource_type);
    format!("{kind} {}", item.resource_id)
}
