//! Never returns: the host's deadline must stop it.

use parapet_sdk::prelude::*;

struct Forever;

impl Check for Forever {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("spin-forever", "Loops forever", Severity::Low).resource_type(ACCOUNT)
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let mut counter: u64 = 0;
        loop {
            counter = std::hint::black_box(counter.wrapping_add(1));
            if counter == u64::MAX {
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
    id: "spin",
    name: "Spin",
    description: "Loops forever.",
    checks: [Forever],
}
