//! The report formats for CI (OCSF, SARIF, JUnit, CSV beside ASFF) checked
//! against their reference schemas, suppressions with expiry, and
//! baselines with `parapet diff`.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a panic is the failure report"
)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::moto::python;
use common::{demo, failing_security_group, parapet, text, workspace};
use serde_json::Value;

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn findings(report: &Value) -> &Vec<Value> {
    report["Findings"].as_array().unwrap()
}

/// The demo snapshot with security group `id` removed and a copy of it,
/// `copy`, added: one failure resolved, one new.
fn demo_changed(dir: &Path, id: &str, copy: &str) -> String {
    let mut snapshot = read_json(Path::new(&demo()));
    let resources = snapshot["resources"].as_array_mut().unwrap();
    let index = resources
        .iter()
        .position(|r| r["resourceId"] == id)
        .unwrap();
    let mut added = resources.remove(index);
    added["resourceId"] = copy.into();
    added["configuration"]["groupId"] = copy.into();
    added["arn"] = Value::String(added["arn"].as_str().unwrap_or_default().replace(id, copy));
    resources.push(added);
    let path = dir.join("changed.json");
    std::fs::write(&path, serde_json::to_vec(&snapshot).unwrap()).unwrap();
    path.display().to_string()
}

fn scan(args: &[&str]) -> std::process::Output {
    let mut all = vec!["scan"];
    all.extend_from_slice(args);
    parapet(&all)
}

#[test]
fn every_format_tells_the_same_findings_and_passes_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let out_text = out.display().to_string();
    let suppressions = dir.path().join("suppressions.toml");
    std::fs::write(
        &suppressions,
        "[[suppress]]\ncheck = \"iam-root-access-keys\"\nreason = \"break-glass account, hardware MFA on order\"\nexpires = \"2099-12-31\"\n",
    )
    .unwrap();
    let run = scan(&[
        "--snapshot",
        &demo(),
        "--format",
        "asff,json,ocsf,sarif,junit,csv",
        "--output-dir",
        &out_text,
        "--suppressions",
        &suppressions.display().to_string(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let asff = read_json(&out.join("parapet-asff.json"));
    let all = findings(&asff);
    let suppressed = all
        .iter()
        .filter(|f| f["ProductFields"]["parapet/suppressed"] == "true")
        .count();
    assert!(suppressed > 0);
    let reported = |f: &&Value| {
        let status = f["ProductFields"]["parapet/original_status"]
            .as_str()
            .or(f["Compliance"]["Status"].as_str())
            .unwrap();
        status == "FAILED" || status == "WARNING"
    };

    // SARIF 2.1.0: the failures (suppressed ones marked), rules = checks.
    let sarif_path = out.join("parapet.sarif");
    let schema = workspace().join("target/schemas/sarif-2.1.0.json");
    let checked = python(
        "validate.py",
        &[
            "sarif",
            &sarif_path.display().to_string(),
            &schema.display().to_string(),
        ],
    );
    assert_eq!(checked["checked"], all.iter().filter(reported).count());
    let sarif = read_json(&sarif_path);
    let run0 = &sarif["runs"][0];
    let rules: BTreeSet<&str> = run0["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let checks: BTreeSet<&str> = all
        .iter()
        .map(|f| f["ProductFields"]["parapet/check_id"].as_str().unwrap())
        .collect();
    assert!(checks.iter().filter(|c| rules.contains(*c)).count() >= checks.len() - 1);
    for rule in run0["tool"]["driver"]["rules"].as_array().unwrap() {
        assert!(
            !rule["help"]["text"].as_str().unwrap_or_default().is_empty(),
            "rule {} has no help",
            rule["id"]
        );
    }
    let sarif_suppressed = run0["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .count();
    assert_eq!(sarif_suppressed, suppressed);

    // OCSF 1.6.0 Compliance Finding, every event.
    let checked = python(
        "validate.py",
        &["ocsf", &out.join("parapet-ocsf.json").display().to_string()],
    );
    assert_eq!(checked["checked"], all.len());

    // JUnit: one test case per check and resource.
    let junit = std::fs::read_to_string(out.join("parapet-junit.xml")).unwrap();
    assert_eq!(junit.matches("<testcase ").count(), all.len());
    let failed = all
        .iter()
        .filter(|f| f["Compliance"]["Status"] == "FAILED")
        .count();
    assert!(junit.matches("<failure ").count() >= failed);
    assert_eq!(junit.matches("<skipped ").count(), suppressed);

    // CSV: a header and one row per finding, ids as in ASFF.
    let csv = std::fs::read_to_string(out.join("parapet.csv")).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let id_column = header.iter().position(|h| *h == "finding_id").unwrap();
    let csv_ids: BTreeSet<String> = lines
        .map(|line| line.rsplit(',').next().unwrap().to_owned())
        .collect();
    assert_eq!(id_column, header.len() - 1);
    let asff_ids: BTreeSet<String> = all
        .iter()
        .map(|f| f["Id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(csv_ids, asff_ids);

    let json = read_json(&out.join("parapet-report.json"));
    assert_eq!(json["summary"]["findings"], all.len());
}

#[test]
fn suppressed_findings_stay_reported_but_do_not_fail_the_gate() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let report_text = report.display().to_string();
    let base = [
        "--snapshot",
        &demo(),
        "--output",
        &report_text,
        "--check",
        "iam-root-access-keys",
        "--check",
        "iam-password-policy",
        "--fail-on",
        "low",
    ];
    let unsuppressed = scan(&base);
    assert_eq!(unsuppressed.status.code(), Some(1));

    let rules = dir.path().join("suppressions.toml");
    std::fs::write(
        &rules,
        r#"
[[suppress]]
check = "iam-root-access-keys"
account = "123456789012"
reason = "break-glass account, hardware MFA on order (SEC-7)"
expires = "2099-12-31"

[[suppress]]
check = "iam-password-policy"
reason = "waiver granted for the migration"
expires = "2020-01-31"
"#,
    )
    .unwrap();
    let rules_text = rules.display().to_string();
    let mut args = base.to_vec();
    args.extend(["--suppressions", &rules_text]);
    let run = scan(&args);
    let stderr = text(&run.stderr);
    // The expired waiver no longer hides the password policy failure.
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("rule 2") && stderr.contains("2020-01-31") && stderr.contains("expired"),
        "{stderr}"
    );
    let asff = read_json(&report);
    for finding in findings(&asff) {
        let check = finding["ProductFields"]["parapet/check_id"]
            .as_str()
            .unwrap();
        if check == "iam-root-access-keys" {
            assert_eq!(finding["Compliance"]["Status"], "WARNING");
            assert_eq!(finding["ProductFields"]["parapet/suppressed"], "true");
            assert_eq!(
                finding["ProductFields"]["parapet/original_status"],
                "FAILED"
            );
            assert!(
                finding["ProductFields"]["parapet/suppression_reason"]
                    .as_str()
                    .unwrap()
                    .contains("SEC-7")
            );
        } else {
            assert_eq!(finding["Compliance"]["Status"], "FAILED");
            assert!(finding["ProductFields"].get("parapet/suppressed").is_none());
        }
    }

    // Only the suppressed check: nothing counts towards --fail-on.
    let mut args = base.to_vec();
    args.truncate(4);
    args.extend([
        "--check",
        "iam-root-access-keys",
        "--fail-on",
        "low",
        "--suppressions",
        &rules_text,
    ]);
    let run = scan(&args);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));

    // A rule without a reason is refused, naming the file and the rule.
    std::fs::write(
        &rules,
        "[[suppress]]\ncheck = \"iam-root-access-keys\"\nexpires = \"2099-12-31\"\n",
    )
    .unwrap();
    let run = scan(&args);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("'{rules_text}'")) && stderr.contains("reason"),
        "{stderr}"
    );
}

#[test]
fn a_baseline_marks_new_and_resolved_failures_and_diff_prints_them() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.json");
    let old_text = old.display().to_string();
    let run = scan(&["--snapshot", &demo(), "--output", &old_text]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let old_report = read_json(&old);
    let (_, group) = failing_security_group(&old_report);
    let copy = "sg-0c0000000000000c1";
    let changed = demo_changed(dir.path(), &group, copy);

    // Nothing new against itself: the gate passes.
    let same = scan(&[
        "--snapshot",
        &demo(),
        "--output",
        &dir.path().join("same.json").display().to_string(),
        "--baseline",
        &old_text,
        "--fail-on-new",
    ]);
    let stdout = text(&same.stdout);
    assert_eq!(same.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("0 new,") && stdout.contains(" 0 resolved"),
        "{stdout}"
    );

    // The group moved: its failures are resolved, the copy's are new.
    let new = dir.path().join("new.json");
    let new_text = new.display().to_string();
    let run = scan(&[
        "--snapshot",
        &changed,
        "--output",
        &new_text,
        "--baseline",
        &old_text,
        "--fail-on-new",
    ]);
    let stdout = text(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}{}", text(&run.stderr));
    let new_report = read_json(&new);
    let failing_on = |report: &Value, id: &str| -> BTreeSet<String> {
        findings(report)
            .iter()
            .filter(|f| {
                f["Compliance"]["Status"] == "FAILED"
                    && f["Resources"][0]["Id"].as_str().unwrap().ends_with(id)
            })
            .map(|f| {
                f["ProductFields"]["parapet/check_id"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    };
    let resolved = failing_on(&old_report, &group);
    let added = failing_on(&new_report, copy);
    assert_eq!(resolved, added, "the copy fails the same checks");
    for finding in findings(&new_report) {
        let on_copy = finding["Resources"][0]["Id"]
            .as_str()
            .unwrap()
            .ends_with(copy);
        let mark = &finding["ProductFields"]["parapet/baseline"];
        if finding["Compliance"]["Status"] == "FAILED" {
            assert_eq!(mark, if on_copy { "new" } else { "unchanged" }, "{finding}");
        }
    }
    let counts = format!("{} new,", added.len());
    assert!(stdout.contains(&counts), "{stdout}");
    assert!(
        stdout.contains(&format!("{} resolved", resolved.len())),
        "{stdout}"
    );

    // `parapet diff` says the same, and gates the same.
    let diff = parapet(&["diff", &old_text, &new_text]);
    let printed = text(&diff.stdout);
    assert_eq!(diff.status.code(), Some(0), "{printed}");
    assert!(printed.starts_with(&counts), "{printed}");
    assert!(
        printed.contains(copy) && printed.contains(&group),
        "{printed}"
    );
    let gate = parapet(&["diff", &old_text, &new_text, "--fail-on-new"]);
    assert_eq!(gate.status.code(), Some(1));
    let back = parapet(&["diff", &new_text, &old_text, "--fail-on-new"]);
    assert_eq!(back.status.code(), Some(1), "the group is back: new again");

    let missing = parapet(&["diff", &old_text, "/nonexistent/report.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("'/nonexistent/report.json'"));
}
