//! {{name}}: a parapet plugin written with the Rust SDK.
//!
//! Check `{{check}}`: every EC2 instance carries an `Owner` tag.
//!
//! Build: `cargo build --release --target wasm32-wasip2`. Test natively with
//! `cargo test`, and the component with `parapet plugin test
//! target/wasm32-wasip2/release/{{crate}}.wasm --fixtures fixtures`.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::Instance;

struct InstanceOwner;

impl Check for InstanceOwner {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("{{check}}", "EC2 instances have an Owner tag", Severity::Low)
            .description("Every EC2 instance carries an `Owner` tag naming who to call about it.")
            .finding_type("Software and Configuration Checks/AWS Security Best Practices")
            .resource_type(Instance::RESOURCE_TYPE)
            .remediation("Tag the instance with Owner.", None)
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<Instance>()?
            .iter()
            .map(|instance| match instance.tags.get("Owner") {
                Some(owner) => ctx.finding(instance, Status::Passed, format!("instance {} is owned by {owner}", instance.resource_id)),
                None => ctx.finding(instance, Status::Failed, format!("instance {} has no Owner tag", instance.resource_id)),
            })
            .collect())
    }
}

parapet_sdk::plugin! {
    id: "{{name}}",
    name: "{{name}}",
    description: "Checks written with the Rust SDK.",
    checks: [InstanceOwner],
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        parapet_sdk::testing::check_fixtures(&super::PLUGIN, concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"));
    }
}
