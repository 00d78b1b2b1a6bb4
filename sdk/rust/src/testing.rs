//! Runs checks natively on fixture snapshots, without wasm or AWS.
//!
//! `run_fixture(&PLUGIN, "iam-root-mfa", "fixtures/iam-root-mfa/fail_root_without_mfa.json")`
//! returns the check's findings; [`check_fixtures`] runs every fixture of
//! every check and compares the findings with the `.expected` files.

use std::path::Path;

use parapet_snapshot::{Snapshot, SnapshotIndex};

use crate::{Context, Finding, Plugin, PluginError, Status};

/// Runs check `check_id` of `plugin` on the snapshot at `path`, with
/// `settings`, as the host would: collection errors that affect the check's
/// resource types add not-available findings.
///
/// # Panics
/// When the fixture cannot be read, or the plugin has no such check: both are
/// mistakes in the test itself.
pub fn run_fixture_with(
    plugin: &Plugin,
    check_id: &str,
    path: impl AsRef<Path>,
    settings: serde_json::Value,
) -> Result<Vec<Finding>, PluginError> {
    let path = path.as_ref();
    let check = plugin
        .check(check_id)
        .unwrap_or_else(|| panic!("plugin '{}' has no check '{check_id}'", plugin.id));
    let metadata = check.metadata();
    let snapshot =
        Snapshot::load(path).unwrap_or_else(|error| panic!("fixture {}: {error}", path.display()));
    let index = SnapshotIndex::new(snapshot);
    let gaps: Vec<_> = index
        .gaps(&metadata.resource_types)
        .into_iter()
        .cloned()
        .collect();
    let account = index.snapshot().account_id.clone();
    let ctx = Context::fixture(check_id, index, settings);
    let mut findings = check.evaluate(&ctx)?;
    findings.extend(gaps.into_iter().map(|gap| Finding {
        check_id: metadata.id.clone(),
        resource: crate::ResourceRef {
            resource_type: parapet_snapshot::types::ACCOUNT.to_owned(),
            id: parapet_snapshot::types::account_resource_id(&account),
            region: gap.region.clone(),
            account: account.clone(),
        },
        status: Status::NotAvailable,
        severity: None,
        message: gap.gap_message(),
        evidence: None,
    }));
    Ok(findings)
}

/// [`run_fixture_with`] and empty settings.
pub fn run_fixture(
    plugin: &Plugin,
    check_id: &str,
    path: impl AsRef<Path>,
) -> Result<Vec<Finding>, PluginError> {
    run_fixture_with(plugin, check_id, path, serde_json::json!({}))
}

/// One line per finding, `STATUS resource-id: message`, for snapshot-style assertions.
#[must_use]
pub fn render(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            let status = match f.status {
                Status::Passed => "PASSED",
                Status::Failed => "FAILED",
                Status::Warning => "WARNING",
                Status::NotAvailable => "NOT_AVAILABLE",
            };
            format!("{status} {}: {}\n", f.resource.id, f.message)
        })
        .collect()
}

/// What a fixture's file name promises: `pass_*` has only passing findings,
/// `fail_*` at least one failure, `warn_*` at least one warning and no
/// failure, `not_available_*` at least one not-available finding and no
/// passes.
///
/// # Panics
/// When the findings break the promise, or the name makes none.
pub fn assert_fixture_outcome(path: &Path, findings: &[Finding]) {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let has = |status| findings.iter().any(|f| f.status == status);
    let rendered = render(findings);
    if name.starts_with("pass_") {
        assert!(
            !findings.is_empty() && findings.iter().all(|f| f.status == Status::Passed),
            "{name}: expected only passing findings, got:\n{rendered}"
        );
    } else if name.starts_with("fail_") {
        assert!(
            has(Status::Failed),
            "{name}: expected a failure, got:\n{rendered}"
        );
    } else if name.starts_with("warn_") {
        assert!(
            has(Status::Warning) && !has(Status::Failed),
            "{name}: expected a warning and no failure, got:\n{rendered}"
        );
    } else if name.starts_with("not_available_") {
        assert!(
            has(Status::NotAvailable) && !has(Status::Passed),
            "{name}: expected not-available and no pass, got:\n{rendered}"
        );
    } else {
        panic!("{name}: a fixture's name starts with pass_, fail_, warn_ or not_available_");
    }
}

/// Runs every check of `plugin` on its fixtures, as CI does for built-in plugins.
///
/// Each check needs a directory `fixtures_dir/<check-id>/` with at least one
/// `pass_*.json` and one `fail_*.json` snapshot (optionally `not_available_*.json`,
/// and `settings.json` for the plugin settings). Each fixture must keep the
/// promise of its name ([`assert_fixture_outcome`]) and produce exactly the
/// findings in the `.expected` file beside it; `PARAPET_BLESS=1` rewrites
/// those files. Collection errors in a fixture add not-available findings, as
/// the host does.
///
/// # Panics
/// On the first check or fixture that does not hold.
pub fn check_fixtures(plugin: &Plugin, fixtures_dir: impl AsRef<Path>) {
    let fixtures_dir = fixtures_dir.as_ref();
    let bless = std::env::var_os("PARAPET_BLESS").is_some();
    for check in plugin.checks {
        let metadata = check.metadata();
        let dir = fixtures_dir.join(&metadata.id);
        let mut fixtures: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| {
                panic!(
                    "check '{}' has no fixtures in {}: {e}",
                    metadata.id,
                    dir.display()
                )
            })
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                path.extension().is_some_and(|e| e == "json")
                    && path.file_name().is_some_and(|n| n != "settings.json")
            })
            .collect();
        fixtures.sort();
        for prefix in ["pass_", "fail_"] {
            assert!(
                fixtures.iter().any(|p| p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix))),
                "check '{}' needs a {prefix}*.json fixture in {}",
                metadata.id,
                dir.display()
            );
        }
        let settings = match std::fs::read_to_string(dir.join("settings.json")) {
            Ok(text) => serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{}/settings.json: {e}", dir.display())),
            Err(_) => serde_json::json!({}),
        };
        for fixture in &fixtures {
            let findings = run_fixture_with(plugin, &metadata.id, fixture, settings.clone())
                .unwrap_or_else(|e| {
                    panic!("{}: check '{}' failed: {e}", fixture.display(), metadata.id)
                });
            for finding in &findings {
                assert_eq!(
                    finding.check_id,
                    metadata.id,
                    "{}: finding names another check",
                    fixture.display()
                );
            }
            assert_fixture_outcome(fixture, &findings);
            let expected_path = fixture.with_extension("expected");
            let actual = render(&findings);
            if bless {
                std::fs::write(&expected_path, &actual)
                    .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
                continue;
            }
            let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|e| {
                panic!(
                    "{}: {e}; run with PARAPET_BLESS=1 to create it",
                    expected_path.display()
                )
            });
            assert_eq!(
                expected,
                actual,
                "{}: findings differ from {} (PARAPET_BLESS=1 accepts the new ones)",
                fixture.display(),
                expected_path.display()
            );
        }
    }
}
