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
            parapet_snapshot::fixture::render_line(status, &f.resource.id, &f.message)
        })
        .collect()
}

/// Panics unless the findings keep the promise of the fixture's name (see
/// [`parapet_snapshot::fixture`]).
///
/// # Panics
/// When the findings break the promise, or the name makes none.
pub fn assert_fixture_outcome(path: &Path, findings: &[Finding]) {
    if let Err(problem) = parapet_snapshot::fixture::check_promise(path, &render(findings)) {
        panic!("{problem}");
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
        let fixtures = parapet_snapshot::fixture::fixtures_of(fixtures_dir, &metadata.id)
            .unwrap_or_else(|e| panic!("{e}"));
        let settings = parapet_snapshot::fixture::settings_of(fixtures_dir, &metadata.id)
            .unwrap_or_else(|e| panic!("{e}"));
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
