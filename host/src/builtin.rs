//! The built-in plugins, compiled from `plugins/` by the build script and
//! embedded in the binary.

use std::sync::Arc;

use crate::scan::PluginSource;

include!(concat!(env!("OUT_DIR"), "/builtin_plugins.rs"));

/// Every built-in plugin, named `builtin:<crate name>`.
#[must_use]
pub fn builtin_plugins() -> Vec<PluginSource> {
    BUILTIN_PLUGINS
        .iter()
        .map(|(name, bytes)| {
            let id = name.trim_start_matches("parapet-plugin-");
            PluginSource {
                expected_id: Some(id.to_owned()),
                ..PluginSource::new(format!("builtin:{id}"), Arc::<[u8]>::from(*bytes))
            }
        })
        .collect()
}
