//! `parapet plugin test`: the built-in plugins, as real components in the
//! sandbox, must give exactly the findings their native fixture tests
//! expect; a difference is shown as a diff and fails the run.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a panic is the failure report"
)]

mod common;

use common::workspace;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn plugin_test(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parapet"))
        .args(["plugin", "test"])
        .args(args)
        .env(
            "PARAPET_CACHE_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("component-cache"),
        )
        .output()
        .unwrap()
}

#[test]
fn built_in_plugins_pass_their_fixtures_inside_the_sandbox() {
    for plugin in ["iam", "vpc", "tagging", "security", "cost", "reliability"] {
        let fixtures = workspace().join("plugins").join(plugin).join("fixtures");
        let out = plugin_test(&[
            &format!("builtin:{plugin}"),
            "--fixtures",
            fixtures.to_str().unwrap(),
        ]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{plugin}: {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.trim_end().ends_with(" passed, 0 failed"), "{stdout}");
    }
}

#[test]
fn a_mismatch_is_shown_as_a_diff_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let source = workspace().join("plugins/iam/fixtures");
    for entry in walk(&source) {
        let target = dir.path().join(entry.strip_prefix(&source).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &target).unwrap();
    }
    let expected = dir
        .path()
        .join("iam-root-mfa/fail_root_without_mfa.expected");
    let original = std::fs::read_to_string(&expected).unwrap();
    std::fs::write(
        &expected,
        original.replace("has no MFA device", "has no hardware MFA"),
    )
    .unwrap();

    let out = plugin_test(&["builtin:iam", "--fixtures", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("FAIL ") && stdout.contains("fail_root_without_mfa.json"),
        "{stdout}"
    );
    assert!(stdout.contains("  - FAILED AWS::::Account:123456789012: the root user of account 123456789012 has no hardware MFA"), "{stdout}");
    assert!(stdout.contains("  + FAILED AWS::::Account:123456789012: the root user of account 123456789012 has no MFA device"), "{stdout}");
    assert!(stdout.contains(" passed, 1 failed"), "{stdout}");

    let bless = plugin_test(&[
        "builtin:iam",
        "--fixtures",
        dir.path().to_str().unwrap(),
        "--bless",
    ]);
    assert!(bless.status.success());
    assert_eq!(std::fs::read_to_string(&expected).unwrap(), original);
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
