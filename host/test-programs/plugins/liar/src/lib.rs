//! Declares the same check twice: the host must refuse the plugin at load and
//! say why.

use parapet_sdk::prelude::*;

struct Twin;

impl Check for Twin {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new("liar-twin", "Declared twice", Severity::Low).resource_type(ACCOUNT)
    }
    fn evaluate(&self, _ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(Vec::new())
    }
}

parapet_sdk::plugin! {
    id: "liar",
    name: "Liar",
    description: "Metadata that does not hold together.",
    checks: [Twin, Twin],
}
