//! Shared by the build scripts that compile plugins to components.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs};

/// (package name, lib name) of every crate under `plugins/`.
pub(crate) fn crates_in(plugins_dir: &Path) -> Vec<(String, String)> {
    let mut crates = Vec::new();
    for entry in fs::read_dir(plugins_dir).expect("read the plugin directory") {
        let manifest = entry
            .expect("read the plugin directory entry")
            .path()
            .join("Cargo.toml");
        let Ok(text) = fs::read_to_string(&manifest) else {
            continue;
        };
        let name = text
            .lines()
            .find_map(|line| line.strip_prefix("name = "))
            .map(|quoted| quoted.trim().trim_matches('"').to_owned())
            .unwrap_or_else(|| panic!("{} has no package name", manifest.display()));
        let lib = name.replace('-', "_");
        crates.push((name, lib));
    }
    crates.sort();
    crates
}

/// Builds the crates for `wasm32-wasip2` into a target directory of their
/// own (sharing the outer one would deadlock on cargo's lock).
pub(crate) fn build_components(
    workspace: &Path,
    crates: &[(String, String)],
    target_name: &str,
) -> Vec<(String, PathBuf)> {
    let target_dir = workspace.join("target").join(target_name);
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(workspace)
        .args([
            "build",
            "--quiet",
            "--target",
            "wasm32-wasip2",
            "--profile",
            "plugin",
            "--target-dir",
        ])
        .arg(&target_dir);
    for (name, _) in crates {
        command.args(["--package", name]);
    }
    // The outer build's flags and wrappers (clippy, coverage) are for the host target.
    for var in [
        "CARGO_ENCODED_RUSTFLAGS",
        "RUSTFLAGS",
        "RUSTC_WORKSPACE_WRAPPER",
        "RUSTC_WRAPPER",
        "CARGO_TARGET_DIR",
        "CARGO_BUILD_TARGET",
    ] {
        command.env_remove(var);
    }
    let status = command.status().expect("run cargo to build the plugins");
    assert!(
        status.success(),
        "building the plugins for wasm32-wasip2 failed; is the target installed? (rustup target add wasm32-wasip2)"
    );
    crates
        .iter()
        .map(|(name, lib)| {
            let path = target_dir
                .join("wasm32-wasip2")
                .join("plugin")
                .join(format!("{lib}.wasm"));
            assert!(path.exists(), "{} was not built", path.display());
            (name.clone(), path)
        })
        .collect()
}
