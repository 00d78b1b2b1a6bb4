//! The one place that generates host bindings for `wit/plugin.wit`. Generated
//! names do not leave the runtime module.

wasmtime::component::bindgen!({
    path: "../wit",
    world: "plugin",
});

pub(crate) use self::parapet::plugin::host::Host;
pub(crate) use self::parapet::plugin::types as wit;
