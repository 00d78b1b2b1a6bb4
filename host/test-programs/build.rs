//! Compiles the misbehaving plugins in `plugins/` here to components, for the
//! host's sandbox tests, and writes their paths as constants.

#[path = "../build/components.rs"]
mod components;

use std::path::PathBuf;
use std::{env, fs};

use components::{build_components, crates_in};

fn main() {
    let manifest_dir =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let workspace = manifest_dir
        .ancestors()
        .nth(2)
        .expect("host/test-programs sits two levels below the workspace root")
        .to_owned();
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    let programs = crates_in(&manifest_dir.join("plugins"));
    let artifacts = build_components(&workspace, &programs, "wasm-plugins");

    let mut source = String::new();
    for (name, path) in &artifacts {
        let constant = name
            .trim_start_matches("test-plugin-")
            .replace('-', "_")
            .to_uppercase();
        source.push_str(&format!(
            "/// The `{name}` component.\npub const {constant}: &str = {:?};\n",
            path.display().to_string()
        ));
    }
    fs::write(out_dir.join("programs.rs"), source).expect("write programs.rs");

    for dir in ["host/test-programs/plugins", "sdk", "wit"] {
        println!("cargo:rerun-if-changed={}", workspace.join(dir).display());
    }
}
