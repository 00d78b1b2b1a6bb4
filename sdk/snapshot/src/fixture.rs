//! Fixture conventions, shared by the SDK's native tests and `parapet plugin
//! test` so a fixture means the same thing natively and in the sandbox.
//!
//! Fixtures of check `ID` live in `DIR/ID/`: snapshots named for what they
//! must produce (`pass_*.json` only passes, `fail_*.json` at least one
//! failure, `warn_*.json` a warning and no failure, `not_available_*.json`
//! a not-available finding and no pass), each with a `.expected` file of
//! rendered findings beside it, and an optional `settings.json`.

use std::path::{Path, PathBuf};

/// One finding as a fixture's `.expected` file lists it.
#[must_use]
pub fn render_line(status: &str, resource_id: &str, message: &str) -> String {
    format!("{status} {resource_id}: {message}\n")
}

/// The fixtures of one check, sorted; each check needs a `pass_` and a `fail_` one.
pub fn fixtures_of(dir: &Path, check_id: &str) -> Result<Vec<PathBuf>, String> {
    let check_dir = dir.join(check_id);
    let entries = std::fs::read_dir(&check_dir).map_err(|e| {
        format!(
            "check '{check_id}' has no fixtures in {}: {e}",
            check_dir.display()
        )
    })?;
    let mut fixtures: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension().is_some_and(|e| e == "json") && file_name(path) != "settings.json"
        })
        .collect();
    fixtures.sort();
    for prefix in ["pass_", "fail_"] {
        if !fixtures.iter().any(|p| file_name(p).starts_with(prefix)) {
            return Err(format!(
                "check '{check_id}' needs a {prefix}*.json fixture in {}",
                check_dir.display()
            ));
        }
    }
    Ok(fixtures)
}

/// The check's `settings.json`, or an empty object.
pub fn settings_of(dir: &Path, check_id: &str) -> Result<serde_json::Value, String> {
    let path = dir.join(check_id).join("settings.json");
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display())),
        Err(_) => Ok(serde_json::json!({})),
    }
}

/// Whether the rendered findings keep the promise of the fixture's name.
pub fn check_promise(fixture: &Path, rendered: &str) -> Result<(), String> {
    let name = file_name(fixture);
    let has = |status: &str| {
        rendered
            .lines()
            .any(|l| l.starts_with(&format!("{status} ")))
    };
    let kept = if name.starts_with("pass_") {
        !rendered.is_empty() && rendered.lines().all(|l| l.starts_with("PASSED "))
    } else if name.starts_with("fail_") {
        has("FAILED")
    } else if name.starts_with("warn_") {
        has("WARNING") && !has("FAILED")
    } else if name.starts_with("not_available_") {
        has("NOT_AVAILABLE") && !has("PASSED")
    } else {
        return Err(format!(
            "{name}: a fixture's name starts with pass_, fail_, warn_ or not_available_"
        ));
    };
    if kept {
        Ok(())
    } else {
        Err(format!(
            "{name}: the findings break the promise of the name:\n{rendered}"
        ))
    }
}

fn file_name(path: &Path) -> &str {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
}
