mod cost_allocation_inactive;
mod tag_compliance_rate;
mod tag_key_drift;
mod tag_required_keys;
mod tag_value_not_allowed;
mod untagged;

pub(crate) use cost_allocation_inactive::CostAllocationInactive;
pub(crate) use tag_compliance_rate::TagComplianceRate;
pub(crate) use tag_key_drift::TagKeyDrift;
pub(crate) use tag_required_keys::TagRequiredKeys;
pub(crate) use tag_value_not_allowed::TagValueNotAllowed;
pub(crate) use untagged::Untagged;

/// ASFF type for tagging checks.
pub(crate) const TAGGING_TYPE: &str =
    "Software and Configuration Checks/AWS Security Best Practices/Resource Tagging";

/// Adds every taggable resource type to a check's metadata.
pub(crate) fn reads_taggable(mut meta: parapet_sdk::CheckMetadata) -> parapet_sdk::CheckMetadata {
    for resource_type in crate::settings::TAGGABLE_TYPES {
        meta = meta.resource_type(resource_type);
    }
    meta
}
