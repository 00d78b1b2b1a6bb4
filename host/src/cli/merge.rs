//! `parapet merge`: one ASFF report from several, such as the shards of an
//! organization scanned by parallel jobs.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::Args;
use serde_json::Value;

#[derive(Debug, Args)]
pub(crate) struct MergeArgs {
    /// ASFF reports written by `parapet scan` (the default format).
    #[arg(required = true, value_name = "REPORT.json")]
    reports: Vec<PathBuf>,
    /// Where to write the merged report; `-` for standard output.
    #[arg(
        long,
        short,
        value_name = "FILE",
        default_value = "parapet-report.json"
    )]
    output: PathBuf,
}

pub(crate) fn run(args: &MergeArgs) -> Result<ExitCode> {
    merge_files(&args.reports, &args.output)?;
    Ok(ExitCode::SUCCESS)
}

/// Merges the ASFF reports at `reports` into `output` (`-`: standard output).
pub(crate) fn merge_files(reports: &[PathBuf], output: &std::path::Path) -> Result<()> {
    let mut inputs = Vec::new();
    for path in reports {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read report '{}'", path.display()))?;
        inputs.push((path.display().to_string(), findings_of(&text, path)?));
    }
    let (merged, replaced) = merge(inputs);
    if replaced > 0 {
        eprintln!(
            "parapet: {replaced} finding(s) appeared in more than one report; kept the most recently updated \
             (did two shards scan the same account?)"
        );
    }
    let document = serde_json::json!({ "Findings": merged });
    if output.as_os_str() == "-" {
        println!("{document}");
    } else {
        parapet::output::write_atomically_with(output, |out| {
            serde_json::to_writer_pretty(&mut *out, &document)?;
            out.write_all(b"\n")
        })?;
        eprintln!(
            "parapet: {} findings from {} reports written to '{}'",
            document["Findings"].as_array().map_or(0, Vec::len),
            reports.len(),
            output.display()
        );
    }
    Ok(())
}

fn findings_of(text: &str, path: &std::path::Path) -> Result<Vec<Value>> {
    let not_asff = || {
        format!(
            "'{}' is not an ASFF report ({{\"Findings\": [...]}}); merge joins reports written by \
             `parapet scan --format asff`",
            path.display()
        )
    };
    let mut document: Value = serde_json::from_str(text).with_context(not_asff)?;
    let Some(findings) = document.get_mut("Findings").and_then(Value::as_array_mut) else {
        bail!(not_asff());
    };
    let findings = std::mem::take(findings);
    if let Some(at) = findings
        .iter()
        .position(|f| f.get("Id").and_then(Value::as_str).is_none())
    {
        bail!(
            "'{}': finding {at} has no Id; is this an ASFF report?",
            path.display()
        );
    }
    Ok(findings)
}

/// Concatenates the reports' findings in order; a finding Id seen twice
/// keeps the copy updated last. Returns the findings and how many copies
/// were dropped.
fn merge(inputs: Vec<(String, Vec<Value>)>) -> (Vec<Value>, usize) {
    let mut merged: Vec<Value> = Vec::new();
    let mut position: HashMap<String, usize> = HashMap::new();
    let mut replaced = 0;
    for (_, findings) in inputs {
        for finding in findings {
            let id = finding["Id"].as_str().unwrap_or_default().to_owned();
            match position.get(&id) {
                Some(&at) => {
                    replaced += 1;
                    if updated_at(&finding) >= updated_at(&merged[at]) {
                        merged[at] = finding;
                    }
                }
                None => {
                    position.insert(id, merged.len());
                    merged.push(finding);
                }
            }
        }
    }
    (merged, replaced)
}

fn updated_at(finding: &Value) -> Option<jiff::Timestamp> {
    finding.get("UpdatedAt")?.as_str()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn duplicates_keep_the_latest_copy() {
        let a = vec![
            json!({"Id": "1", "UpdatedAt": "2026-12-01T00:00:00Z", "v": "old"}),
            json!({"Id": "2", "UpdatedAt": "2026-12-01T00:00:00Z"}),
        ];
        let b = vec![
            json!({"Id": "1", "UpdatedAt": "2026-12-02T00:00:00Z", "v": "new"}),
            json!({"Id": "3", "UpdatedAt": "2026-12-02T00:00:00Z"}),
        ];
        let (merged, replaced) = merge(vec![("a".into(), a), ("b".into(), b)]);
        assert_eq!(replaced, 1);
        assert_eq!(merged.len(), 3);
        assert_eq!(merged[0]["v"], "new");
    }

    #[test]
    fn non_asff_input_is_refused_with_its_name() {
        let error = findings_of("{\"findings\": []}", std::path::Path::new("r.json")).unwrap_err();
        assert!(error.to_string().contains("'r.json' is not an ASFF report"));
    }
}
