//! `parapet plugin test`: a plugin's fixtures, run through the real sandbox.
//!
//! The fixture layout and the `.expected` format are the SDK's (see
//! [`parapet_snapshot::fixture`]), so a Rust plugin's native tests and this
//! command agree, and a Python or JavaScript plugin gets the same harness.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use parapet_snapshot::fixture::{check_promise, fixtures_of, render_line, settings_of};
use parapet_snapshot::{Snapshot, SnapshotIndex};

use crate::runtime::LoadedPlugin;
use crate::scan::{self, ScanOptions};

/// The verdict on one fixture.
#[derive(Debug)]
pub struct FixtureResult {
    pub fixture: PathBuf,
    /// `None` when the fixture passed; otherwise what went wrong, readable.
    pub problem: Option<String>,
}

/// Runs every fixture of every check of `plugin` found under `dir`. With
/// `bless`, writes the actual findings to the `.expected` files instead of
/// comparing (the promise of each fixture's name is still checked).
pub fn run_fixtures(plugin: &Arc<LoadedPlugin>, dir: &Path, bless: bool) -> Vec<FixtureResult> {
    let mut results = Vec::new();
    for check in &plugin.info().checks {
        let (fixtures, settings) =
            match fixtures_of(dir, &check.id).and_then(|f| Ok((f, settings_of(dir, &check.id)?))) {
                Ok(found) => found,
                Err(problem) => {
                    results.push(FixtureResult {
                        fixture: dir.join(&check.id),
                        problem: Some(problem),
                    });
                    continue;
                }
            };
        for fixture in fixtures {
            let problem = run_one(plugin, &check.id, &fixture, &settings, bless).err();
            results.push(FixtureResult { fixture, problem });
        }
    }
    results
}

fn run_one(
    plugin: &Arc<LoadedPlugin>,
    check_id: &str,
    fixture: &Path,
    settings: &serde_json::Value,
    bless: bool,
) -> Result<(), String> {
    let snapshot = Snapshot::load(fixture).map_err(|e| e.to_string())?;
    let options = ScanOptions {
        only_checks: vec![check_id.to_owned()],
        settings: HashMap::from([(plugin.info().id.clone(), settings.clone())]),
        parallelism: 1,
        ..ScanOptions::default()
    };
    let outcome = scan::run(
        std::slice::from_ref(plugin),
        SnapshotIndex::new(snapshot),
        &options,
    );
    if let Some(failure) = outcome.failures.first() {
        return Err(format!("the check could not run: {failure}"));
    }
    let actual: String = outcome
        .findings
        .iter()
        .map(|(_, f)| render_line(f.status.label(), &f.resource.id, &f.message))
        .collect();
    check_promise(fixture, &actual)?;
    let expected_path = fixture.with_extension("expected");
    if bless {
        return std::fs::write(&expected_path, &actual)
            .map_err(|e| format!("{}: {e}", expected_path.display()));
    }
    let expected = std::fs::read_to_string(&expected_path).map_err(|e| {
        format!(
            "{}: {e}; run with --bless to create it",
            expected_path.display()
        )
    })?;
    if expected == actual {
        Ok(())
    } else {
        Err(diff(&expected, &actual))
    }
}

/// Lines only one side has, marked `-` (expected) and `+` (actual).
fn diff(expected: &str, actual: &str) -> String {
    let mut out = String::from("findings differ from the .expected file:\n");
    for line in expected
        .lines()
        .filter(|l| !actual.lines().any(|a| a == *l))
    {
        out.push_str(&format!("  - {line}\n"));
    }
    for line in actual
        .lines()
        .filter(|l| !expected.lines().any(|e| e == *l))
    {
        out.push_str(&format!("  + {line}\n"));
    }
    if expected.lines().count() == actual.lines().count() && out.lines().count() == 1 {
        out.push_str("  (the same findings in another order)\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::diff;

    #[test]
    fn the_diff_shows_what_is_missing_and_what_is_new() {
        let text = diff(
            "PASSED a: ok\nFAILED b: bad\n",
            "PASSED a: ok\nPASSED b: fine\n",
        );
        assert!(
            text.contains("  - FAILED b: bad") && text.contains("  + PASSED b: fine"),
            "{text}"
        );
        assert!(!text.contains("a: ok"));
    }
}
