//! Misbehaving plugins, run next to the real IAM plugin through wasmtime:
//! each fault is stopped, reported with its plugin, check and cause, and the
//! IAM plugin's findings are kept.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a panic is the failure report"
)]

use std::path::Path;
use std::time::{Duration, Instant};

use parapet::model::{FailureKind, Status};
use parapet::runtime::{Limits, Runtime};
use parapet::scan::{self, PluginSource, ScanOptions, ScanOutcome};
use parapet_snapshot::{Snapshot, SnapshotIndex};

fn demo() -> SnapshotIndex {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/snapshots/demo.json");
    SnapshotIndex::new(Snapshot::load(&path).unwrap())
}

fn source(path: &str, limits: Limits) -> PluginSource {
    PluginSource {
        limits,
        ..PluginSource::new(path, std::fs::read(path).unwrap())
    }
}

fn iam() -> PluginSource {
    parapet::builtin::builtin_plugins()
        .into_iter()
        .find(|p| p.name == "builtin:iam")
        .expect("the IAM plugin is built in")
}

/// Scans the demo snapshot with the IAM plugin and `extra`.
fn scan_with(extra: &[&str], limits: Limits) -> ScanOutcome {
    let runtime = Runtime::new().unwrap();
    let mut sources = vec![iam()];
    sources.extend(extra.iter().map(|path| source(path, limits)));
    let (plugins, failures) = scan::load_plugins(&runtime, &sources, 2);
    let options = ScanOptions {
        parallelism: 2,
        ..ScanOptions::default()
    };
    let mut outcome = scan::run(&plugins, demo(), &options);
    outcome.failures.splice(0..0, failures);
    outcome
}

fn assert_iam_findings_kept(outcome: &ScanOutcome) {
    let iam = outcome
        .findings
        .iter()
        .filter(|(plugin, _)| plugin == "iam")
        .count();
    assert_eq!(
        iam, 54,
        "the IAM plugin's findings must survive another plugin's fault"
    );
    assert!(
        outcome
            .completed_checks
            .iter()
            .filter(|(plugin, _)| plugin == "iam")
            .count()
            == 18,
        "all eighteen IAM checks complete"
    );
}

fn failure_of<'a>(outcome: &'a ScanOutcome, check: &str) -> &'a parapet::model::Failure {
    outcome
        .failures
        .iter()
        .find(|f| f.check.as_deref() == Some(check))
        .unwrap_or_else(|| panic!("no failure recorded for {check}: {:#?}", outcome.failures))
}

#[test]
fn an_infinite_loop_is_stopped_by_the_deadline() {
    let limits = Limits {
        timeout: Duration::from_millis(500),
        ..Limits::default()
    };
    let started = Instant::now();
    let outcome = scan_with(&[parapet_test_programs::SPIN], limits);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "the loop was not interrupted in time"
    );
    let failure = failure_of(&outcome, "spin-forever");
    assert_eq!(failure.kind, FailureKind::Timeout);
    assert_eq!(failure.plugin, "spin");
    assert!(
        failure.message.contains("time limit"),
        "{}",
        failure.message
    );
    assert!(!outcome.is_complete());
    assert!(outcome.findings.iter().all(|(plugin, _)| plugin != "spin"));
    assert_iam_findings_kept(&outcome);
}

#[test]
fn a_memory_bomb_is_stopped_by_the_cap() {
    let limits = Limits {
        memory_bytes: 64 << 20,
        ..Limits::default()
    };
    let outcome = scan_with(&[parapet_test_programs::BALLOON], limits);
    let failure = failure_of(&outcome, "balloon-grow");
    assert_eq!(failure.kind, FailureKind::Memory, "{failure}");
    assert!(failure.message.contains("64 MiB"), "{}", failure.message);
    assert_iam_findings_kept(&outcome);
}

#[test]
fn each_fault_of_a_check_is_isolated_and_named() {
    let outcome = scan_with(&[parapet_test_programs::FAULTY], Limits::default());

    let kept: Vec<_> = outcome
        .findings
        .iter()
        .filter(|(p, _)| p == "faulty")
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "only the working check returns a finding: {kept:#?}"
    );
    assert_eq!(kept[0].1.check_id, "faulty-works");
    assert_eq!(kept[0].1.status, Status::Failed);

    let panics = failure_of(&outcome, "faulty-panics");
    assert_eq!(panics.kind, FailureKind::Trap);
    assert!(
        panics.message.contains("deliberate panic in a test plugin"),
        "{}",
        panics.message
    );
    let errs = failure_of(&outcome, "faulty-returns-error");
    assert_eq!(errs.kind, FailureKind::PluginError);
    assert!(
        errs.message.contains("the test plugin refuses"),
        "{}",
        errs.message
    );
    let impostor = failure_of(&outcome, "faulty-names-another-check");
    assert_eq!(impostor.kind, FailureKind::Malformed);
    assert!(
        impostor.message.contains("'iam-root-mfa'"),
        "{}",
        impostor.message
    );
    let nobody = failure_of(&outcome, "faulty-bad-account");
    assert_eq!(nobody.kind, FailureKind::Malformed);
    assert!(
        nobody.message.contains("not-an-account"),
        "{}",
        nobody.message
    );

    let twice = failure_of(&outcome, "faulty-duplicates");
    assert_eq!(twice.kind, FailureKind::Malformed);
    assert!(
        twice.message.contains("more than one finding"),
        "{}",
        twice.message
    );

    // A malformed finding is dropped, never reported as the pass it claimed.
    assert!(
        outcome
            .findings
            .iter()
            .all(|(_, f)| f.check_id != "faulty-bad-account")
    );
    assert!(
        outcome
            .logs
            .iter()
            .any(|(p, line)| p == "faulty" && line.message.contains("working check"))
    );
    assert_iam_findings_kept(&outcome);
}

#[test]
fn files_sockets_and_the_environment_are_out_of_reach() {
    // The host process has variables; the plugin must see none of them.
    assert!(std::env::vars().next().is_some());
    let outcome = scan_with(&[parapet_test_programs::ESCAPE], Limits::default());
    for check in [
        "escape-read-file",
        "escape-open-socket",
        "escape-read-env",
        "escape-data-dir",
    ] {
        let (_, finding) = outcome
            .findings
            .iter()
            .find(|(_, f)| f.check_id == check)
            .unwrap_or_else(|| panic!("{check} reported nothing: {:#?}", outcome.failures));
        assert_eq!(
            finding.status,
            Status::Passed,
            "{check}: {}",
            finding.message
        );
        assert!(
            finding.message.contains("was denied"),
            "{}",
            finding.message
        );
    }
    assert!(outcome.is_complete(), "{:#?}", outcome.failures);
    assert_iam_findings_kept(&outcome);
}

#[test]
fn a_plugin_whose_metadata_lies_is_refused_at_load() {
    let outcome = scan_with(&[parapet_test_programs::LIAR], Limits::default());
    let failure = outcome
        .failures
        .iter()
        .find(|f| f.plugin.ends_with("test_plugin_liar.wasm"))
        .expect("the liar is reported");
    assert_eq!(failure.kind, FailureKind::Metadata);
    assert!(
        failure.message.contains("declared twice"),
        "{}",
        failure.message
    );
    assert!(outcome.plugins.iter().all(|p| p.id != "liar"));
    assert_iam_findings_kept(&outcome);
}

#[test]
fn a_second_plugin_cannot_take_an_existing_check_id() {
    let runtime = Runtime::new().unwrap();
    let (plugins, failures) = scan::load_plugins(&runtime, &[iam(), iam()], 2);
    assert_eq!(plugins.len(), 1);
    assert_eq!(failures.len(), 1);
    assert!(
        failures[0].message.contains("already taken"),
        "{}",
        failures[0].message
    );
}

#[test]
fn a_file_that_is_not_a_component_is_a_load_failure() {
    let runtime = Runtime::new().unwrap();
    let junk = PluginSource::new("junk.wasm", &b"\0asm not really"[..]);
    let (plugins, failures) = scan::load_plugins(&runtime, &[junk], 1);
    assert!(plugins.is_empty());
    assert_eq!(failures[0].kind, FailureKind::Load);
    assert!(
        failures[0].message.contains("junk.wasm"),
        "{}",
        failures[0].message
    );
}
