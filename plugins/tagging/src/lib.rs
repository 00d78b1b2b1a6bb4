//! parapet's built-in tagging checks: the tags cost allocation, ownership
//! and automation depend on. The policy (required keys, allowed values,
//! aliases, target) is the plugin's settings; see `settings.rs` for the
//! defaults. Each check is one file under `checks/`; its doc comment is its
//! user documentation.

mod checks;
mod settings;

use checks::{
    CostAllocationInactive, TagComplianceRate, TagKeyDrift, TagRequiredKeys, TagValueNotAllowed,
    Untagged,
};

parapet_sdk::plugin! {
    id: "tagging",
    name: "Tagging",
    description: "Required tags, allowed values, key spelling drift, cost-allocation activation and the account's tagging compliance rate.",
    checks: [TagRequiredKeys, TagValueNotAllowed, TagKeyDrift, Untagged, CostAllocationInactive, TagComplianceRate],
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_check_passes_and_fails_its_fixtures() {
        parapet_sdk::testing::check_fixtures(
            &super::PLUGIN,
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }
}
