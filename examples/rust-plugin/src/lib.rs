//! ACME's house rule, as a parapet plugin written with the Rust SDK.
//!
//! Check `acme-volume-backup-policy`: every EBS volume must carry a
//! `BackupPolicy` tag naming one of the policies the backup team runs
//! (the plugin's `policies` setting, default `daily`, `weekly`, `none-approved`):
//!
//! ```toml
//! [plugins.acme-rust.settings]
//! policies = ["daily", "weekly", "none-approved"]
//! ```
//!
//! The check logic is tested natively on the fixtures with `cargo test`, and
//! the built component with `parapet plugin test`.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::Volume;
use serde::Deserialize;

struct VolumeBackupPolicy;

#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Settings {
    policies: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            policies: ["daily", "weekly", "none-approved"]
                .map(String::from)
                .to_vec(),
        }
    }
}

impl Check for VolumeBackupPolicy {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "acme-volume-backup-policy",
            "EBS volumes name their backup policy",
            Severity::Medium,
        )
        .description(
            "Every EBS volume carries a `BackupPolicy` tag naming a policy the backup team runs.",
        )
        .finding_type("Software and Configuration Checks/AWS Security Best Practices")
        .resource_type(Volume::RESOURCE_TYPE)
        .well_architected(Pillar::Reliability, "REL09-BP01")
        .remediation(
            "Tag the volume with BackupPolicy set to one of the supported policies.",
            None,
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let policies = ctx.settings::<Settings>()?.policies;
        Ok(ctx
            .resources::<Volume>()?
            .iter()
            .map(|volume| {
                let id = &volume.configuration.volume_id;
                match volume.tags.get("BackupPolicy") {
                    Some(policy) if policies.contains(policy) => {
                        ctx.finding(volume, Status::Passed, format!("volume {id} is backed up by policy {policy}"))
                    }
                    Some(policy) => ctx.finding(
                        volume,
                        Status::Failed,
                        format!("volume {id} names backup policy {policy}, which the backup team does not run"),
                    ),
                    None => ctx.finding(volume, Status::Failed, format!("volume {id} has no BackupPolicy tag")),
                }
            })
            .collect())
    }
}

parapet_sdk::plugin! {
    id: "acme-rust",
    name: "ACME house rules (Rust)",
    description: "Organisation-specific checks written with the Rust SDK.",
    checks: [VolumeBackupPolicy],
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        parapet_sdk::testing::check_fixtures(
            &super::PLUGIN,
            concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"),
        );
    }
}
