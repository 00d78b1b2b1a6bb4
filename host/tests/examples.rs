//! The example plugins in other languages are built with their real
//! toolchains (fetched from the package registries by their build scripts),
//! pass their fixtures in the sandbox, and scan the demo snapshot.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a panic is the failure report"
)]

mod common;

use common::{parapet, text, workspace};

use std::path::Path;
use std::process::Command;

/// The Python and JavaScript tools are installed into `target/` on first
/// use; tests that build take turns so two never install at once.
static TOOLS: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn tools() -> std::sync::MutexGuard<'static, ()> {
    TOOLS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Runs a build script (taking turns for the tools) and fails the test
/// with the script's output if it fails.
fn build(script: &Path, args: &[&str]) {
    let guard = tools();
    let out = Command::new(script).args(args).output().unwrap();
    drop(guard);
    assert!(
        out.status.success(),
        "{} failed: {}{}",
        script.display(),
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// `parapet plugin test` must pass every fixture of `component`.
fn assert_fixtures_pass(component: &str, fixtures: &Path) {
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
    assert!(text(&tested.stdout).contains(" passed, 0 failed"));
}

/// Scans the demo snapshot with only `component` (plus `extra` arguments)
/// and returns the JSON report; the scan must succeed.
fn scan_demo_with(component: &str, extra: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let demo = common::demo();
    let mut args = vec![
        "scan",
        "--snapshot",
        &demo,
        "--no-builtin",
        "--plugin",
        component,
        "--format",
        "json",
        "--output",
    ];
    let report_path = report.display().to_string();
    args.push(&report_path);
    args.extend_from_slice(extra);
    let out = parapet(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap()
}

#[test]
fn the_python_example_builds_passes_its_fixtures_and_scans_the_demo() {
    let component = Path::new(env!("CARGO_TARGET_TMPDIR")).join("python-plugin.wasm");
    build(
        &workspace().join("examples/python-plugin/build.sh"),
        &[component.to_str().unwrap()],
    );
    let component = component.to_str().unwrap();
    assert_fixtures_pass(
        component,
        &workspace().join("examples/python-plugin/fixtures"),
    );

    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("parapet.toml");
    let scan = |allowed: &str| {
        std::fs::write(
            &config,
            format!("[plugins.acme-python.settings]\nallowed_accounts = [{allowed}]\n"),
        )
        .unwrap();
        let report = scan_demo_with(component, &["--config", config.to_str().unwrap()]);
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
    build(&script, &[component.to_str().unwrap()]);
    let component = component.to_str().unwrap();
    assert_fixtures_pass(
        component,
        &workspace().join("examples/javascript-plugin/fixtures"),
    );

    let report = scan_demo_with(component, &[]);
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
    build(&script, &[with_http.to_str().unwrap(), "-d", "fetch-event"]);
    let dir = tempfile::tempdir().unwrap();
    let out = parapet(&[
        "scan",
        "--snapshot",
        &common::demo(),
        "--plugin",
        with_http.to_str().unwrap(),
        "--output",
        dir.path().join("report.json").to_str().unwrap(),
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
        text(&out.stdout).contains("80 checks ran"),
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

    assert_fixtures_pass(
        component,
        &workspace().join("examples/rust-plugin/fixtures"),
    );

    let report = scan_demo_with(component, &[]);
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

#[test]
fn new_plugin_projects_build_and_pass_their_fixtures_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    let sdk = workspace().join("sdk/rust");
    for (lang, name) in [
        ("python", "acme-py"),
        ("js", "acme-js"),
        ("rust", "acme-rs"),
    ] {
        let project = dir.path().join(name);
        let created = parapet(&[
            "plugin",
            "new",
            name,
            "--lang",
            lang,
            "--dir",
            project.to_str().unwrap(),
            "--sdk-path",
            sdk.to_str().unwrap(),
        ]);
        assert!(
            created.status.success(),
            "{lang}: {}",
            text(&created.stderr)
        );

        let guard = tools();
        let (build, component) = if lang == "rust" {
            let target = workspace().join("target/wasm-scaffold");
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
            let out = Command::new(cargo)
                .current_dir(&project)
                .args(["build", "--quiet", "--release", "--target", "wasm32-wasip2"])
                .env("CARGO_TARGET_DIR", &target)
                .env_remove("RUSTFLAGS")
                .env_remove("CARGO_ENCODED_RUSTFLAGS")
                .output()
                .unwrap();
            (out, target.join("wasm32-wasip2/release/acme_rs.wasm"))
        } else {
            let out = Command::new(project.join("build.sh"))
                .env(
                    "PARAPET_PYTHON_TOOLS",
                    workspace().join("target/python-tools"),
                )
                .env("PARAPET_JS_TOOLS", workspace().join("target/js-tools"))
                .output()
                .unwrap();
            (out, project.join(format!("{name}.wasm")))
        };
        drop(guard);
        assert!(
            build.status.success(),
            "{lang}: {}{}",
            text(&build.stdout),
            text(&build.stderr)
        );

        let fixtures = project.join("fixtures");
        let tested = parapet(&[
            "plugin",
            "test",
            component.to_str().unwrap(),
            "--fixtures",
            fixtures.to_str().unwrap(),
        ]);
        assert!(
            tested.status.success(),
            "{lang}: {}{}",
            text(&tested.stdout),
            text(&tested.stderr)
        );
        assert!(
            text(&tested.stdout).contains("2 passed, 0 failed"),
            "{lang}"
        );
    }
    let again = parapet(&[
        "plugin",
        "new",
        "acme-py",
        "--lang",
        "python",
        "--dir",
        dir.path().join("acme-py").to_str().unwrap(),
    ]);
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing project is never overwritten"
    );
}
