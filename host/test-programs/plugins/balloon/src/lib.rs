//! Allocates without bound: the host's memory cap must stop it.

use parapet_sdk::prelude::*;

struct Grow;

impl Check for Grow {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("balloon-grow", "Allocates until stopped", Severity::Low)
            .resource_type(ACCOUNT)
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let mut hoard: Vec<Vec<u8>> = Vec::new();
        loop {
            // Touch every page so the memory is really used.
            hoard.push(vec![1; 16 << 20]);
            if hoard.len() == usize::MAX {
                break;
            }
        }
        Ok(vec![ctx.finding(
            ctx.account(GLOBAL_REGION)?,
            Status::Passed,
            "unreachable",
        )])
    }
}

parapet_sdk::plugin! {
    id: "balloon",
    name: "Balloon",
    description: "Allocates without bound.",
    checks: [Grow],
}
