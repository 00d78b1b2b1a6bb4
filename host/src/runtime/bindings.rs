//! The one place that generates host bindings for `wit/plugin.wit`. Generated
//! names do not leave the runtime module.

wasmtime::component::bindgen!({
    path: "../wit",
    world: "plugin",
});

pub(crate) use parapet::plugin::host::Host;
pub(crate) use parapet::plugin::types as wit;
