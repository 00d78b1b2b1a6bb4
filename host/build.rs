//! Compiles the built-in plugins in `plugins/` to `wasm32-wasip2` components
//! so the `parapet` binary can embed them (as wasmtime's test-programs do).

#[path = "build/components.rs"]
mod components;

use std::path::PathBuf;
use std::{env, fs};

use components::{build_components, crates_in};

fn main() {
    let manifest_dir =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let workspace = manifest_dir
        .parent()
        .expect("host/ sits in the workspace root")
        .to_owned();
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    let plugins = crates_in(&workspace.join("plugins"));
    let artifacts = build_components(&workspace, &plugins, "wasm-plugins");

    let mut source = String::from("/// The built-in plugins: (crate name, component bytes).\n");
    source.push_str("pub(crate) static BUILTIN_PLUGINS: &[(&str, &[u8])] = &[\n");
    for (name, path) in &artifacts {
        source.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    source.push_str("];\n");
    fs::write(out_dir.join("builtin_plugins.rs"), source).expect("write builtin_plugins.rs");

    for dir in ["plugins", "sdk", "wit"] {
        println!("cargo:rerun-if-changed={}", workspace.join(dir).display());
    }
}
