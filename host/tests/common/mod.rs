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

/// A failed finding of the demo on a us-east-1 security group: its check
/// and the group's id.
pub(crate) fn failing_security_group(report: &serde_json::Value) -> (String, String) {
    let finding = report["Findings"]
        .as_array()
        .expect("an ASFF report")
        .iter()
        .find(|f| {
            f["Compliance"]["Status"] == "FAILED"
                && f["Region"] == "us-east-1"
                && f["Resources"][0]["Type"] == "AwsEc2SecurityGroup"
        })
        .expect("the demo has a failing security group in us-east-1");
    let check = finding["ProductFields"]["parapet/check_id"]
        .as_str()
        .expect("a check id")
        .to_owned();
    let arn = finding["Resources"][0]["Id"]
        .as_str()
        .expect("a resource id");
    let id = arn.rsplit('/').next().unwrap_or(arn).to_owned();
    (check, id)
}

pub(crate) mod moto;
