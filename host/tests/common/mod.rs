//! Helpers shared by the binary's integration tests.

#![allow(dead_code, reason = "each test crate uses a different part")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub(crate) fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The tests share one compiled-component cache, away from the user's.
pub(crate) fn cache_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("component-cache")
}

/// Runs `parapet` with `args` and the compiled-component cache at `cache`.
pub(crate) fn parapet_with_cache(args: &[&str], cache: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parapet"))
        .args(args)
        .env("PARAPET_CACHE_DIR", cache)
        .output()
        .expect("run the parapet binary")
}

/// Runs `parapet` with `args` and the tests' shared cache.
pub(crate) fn parapet(args: &[&str]) -> Output {
    parapet_with_cache(args, &cache_dir())
}

/// Command output as text.
pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The demo snapshot's path.
pub(crate) fn demo() -> String {
    workspace()
        .join("examples/snapshots/demo.json")
        .display()
        .to_string()
}

pub(crate) mod moto;
