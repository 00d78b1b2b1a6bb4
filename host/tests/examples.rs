//! The example plugins in other languages are built with their real
//! toolchains (fetched from the package registries by their build scripts),
//! pass their fixtures in the sandbox, and scan the demo snapshot.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a panic is the failure report"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn parapet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parapet"))
        .args(args)
        .env(
            "PARAPET_CACHE_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("component-cache"),
        )
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_python_example_builds_passes_its_fixtures_and_scans_the_demo() {
    let component = Path::new(env!("CARGO_TARGET_TMPDIR")).join("python-plugin.wasm");
    let build = Command::new(workspace().join("examples/python-plugin/build.sh"))
        .arg(&component)
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "build failed: {}{}",
        text(&build.stdout),
        text(&build.stderr)
    );
    let component = component.to_str().unwrap();

    let fixtures = workspace().join("examples/python-plugin/fixtures");
    let tested = parapet(&[
        "plugin",
        "test",
        component,
        "--fixtures",
        fixtures.to_str().unwrap(),
    ]);
    assert!(
        tested.status.success(),
        "{}{}",
        text(&tested.stdout),
        text(&tested.stderr)
    );
    assert!(text(&tested.stdout).contains("2 passed, 0 failed"));

    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let config = dir.path().join("parapet.toml");
    let demo = workspace().join("examples/snapshots/demo.json");
    let scan = |allowed: &str| {
        std::fs::write(
            &config,
            format!("[plugins.acme-python.settings]\nallowed_accounts = [{allowed}]\n"),
        )
        .unwrap();
        let out = parapet(&[
            "scan",
            "--snapshot",
            demo.to_str().unwrap(),
            "--no-builtin",
            "--plugin",
            component,
            "--config",
            config.to_str().unwrap(),
            "--format",
            "json",
            "--output",
            report.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let report: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
        let mut failed: Vec<String> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["status"] == "FAILED")
            .map(|f| f["resource"]["id"].as_str().unwrap().to_owned())
            .collect();
        failed.sort();
        failed
    };
    assert_eq!(
        scan(""),
        [
            "arn:aws:iam::123456789012:role/auditor",
            "arn:aws:iam::123456789012:role/break-glass"
        ],
        "the demo's two roles trusted by 210987654321 fail without an allow-list"
    );
    assert!(
        scan("\"210987654321\"").is_empty(),
        "allow-listing the partner account clears them"
    );
}

#[test]
fn the_javascript_example_builds_passes_its_fixtures_and_scans_the_demo() {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let component = tmp.join("javascript-plugin.wasm");
    let script = workspace().join("examples/javascript-plugin/build.sh");
    let build = Command::new(&script).arg(&component).output().unwrap();
    assert!(
        build.status.success(),
        "build failed: {}{}",
        text(&build.stdout),
        text(&build.stderr)
    );
    let component = component.to_str().unwrap();

    let fixtures = workspace().join("examples/javascript-plugin/fixtures");
    let tested = parapet(&[
        "plugin",
        "test",
        component,
        "--fixtures",
        fixtures.to_str().unwrap(),
    ]);
    assert!(
        tested.status.success(),
        "{}{}",
        text(&tested.stdout),
        text(&tested.stderr)
    );

    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let demo = workspace().join("examples/snapshots/demo.json");
    let out = parapet(&[
        "scan",
        "--snapshot",
        demo.to_str().unwrap(),
        "--no-builtin",
        "--plugin",
        component,
        "--format",
        "json",
        "--output",
        report.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(
        findings.len(),
        6,
        "one finding per security group in the demo"
    );
    assert_eq!(
        findings.iter().filter(|f| f["status"] == "PASSED").count(),
        2,
        "web (public) and db (confidential)"
    );

    // componentize-js's default build imports wasi:http; the host refuses it
    // at load, naming the import and the fix, and the scan goes on.
    let with_http = tmp.join("javascript-plugin-http.wasm");
    let build = Command::new(&script)
        .arg(&with_http)
        .args(["-d", "fetch-event"])
        .output()
        .unwrap();
    assert!(build.status.success(), "{}", text(&build.stderr));
    let out = parapet(&[
        "scan",
        "--snapshot",
        demo.to_str().unwrap(),
        "--plugin",
        with_http.to_str().unwrap(),
        "--output",
        dir.path().join("second.json").to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "an unloadable plugin makes the scan incomplete"
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("wasi:http/types") && stderr.contains("-d http fetch-event"),
        "{stderr}"
    );
    assert!(
        text(&out.stdout).contains("29 checks ran"),
        "the built-in checks still ran"
    );
}

#[test]
fn the_rust_example_builds_passes_its_fixtures_and_scans_the_demo() {
    // Built as an author would, but into the target directory the built-in
    // plugins use, so the dependencies are compiled once.
    let target_dir = workspace().join("target/wasm-plugins");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let build = Command::new(cargo)
        .current_dir(workspace())
        .args([
            "build",
            "--quiet",
            "--target",
            "wasm32-wasip2",
            "--profile",
            "plugin",
            "-p",
            "acme-rust-plugin",
            "--target-dir",
        ])
        .arg(&target_dir)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .unwrap();
    assert!(build.status.success(), "{}", text(&build.stderr));
    let component = target_dir.join("wasm32-wasip2/plugin/acme_rust_plugin.wasm");
    let component = component.to_str().unwrap();

    let fixtures = workspace().join("examples/rust-plugin/fixtures");
    let tested = parapet(&[
        "plugin",
        "test",
        component,
        "--fixtures",
        fixtures.to_str().unwrap(),
    ]);
    assert!(
        tested.status.success(),
        "{}{}",
        text(&tested.stdout),
        text(&tested.stderr)
    );

    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let demo = workspace().join("examples/snapshots/demo.json");
    let out = parapet(&[
        "scan",
        "--snapshot",
        demo.to_str().unwrap(),
        "--no-builtin",
        "--plugin",
        component,
        "--format",
        "json",
        "--output",
        report.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let passed: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "PASSED")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        passed,
        ["volume vol-0a1a1a1a1a1a1a1a1 is backed up by policy daily"]
    );
    assert_eq!(report["summary"]["failed"], 4);
}
