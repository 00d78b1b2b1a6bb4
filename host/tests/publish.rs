//! Publishing to Security Hub against a real moto server: what is imported,
//! what is archived (only what the scan found fixed, in the scope it
//! covered), what is never touched (other products' findings, the fields
//! the customer owns), and every request checked by botocore's own
//! parameter validation for `BatchImportFindings`.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a panic is the failure report"
)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Output;

use common::moto::{Moto, python};
use common::{demo, failing_security_group, text};
use serde_json::Value;

const REGIONS: [&str; 2] = ["us-east-1", "eu-west-1"];
const GENERATOR_PREFIX: &str = "parapet/";

struct Run {
    output: Output,
    /// The scan's ASFF report.
    report: Value,
    requests: PathBuf,
}

impl Run {
    fn stderr(&self) -> String {
        text(&self.output.stderr)
    }

    fn ids(&self) -> BTreeSet<String> {
        ids(&self.report)
    }
}

fn ids(report: &Value) -> BTreeSet<String> {
    report["Findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["Id"].as_str().unwrap().to_owned())
        .collect()
}

/// `parapet scan --snapshot SNAPSHOT --publish`, keeping the requests in
/// `dir/<name>-requests` and the report in `dir/<name>.json`.
fn scan_and_publish(moto: &Moto, dir: &Path, name: &str, snapshot: &str, extra: &[&str]) -> Run {
    let mut args = vec!["--snapshot", snapshot];
    args.extend_from_slice(extra);
    publish_run(moto, dir, name, &args, &[])
}

/// `parapet scan ARGS --publish` with `env`, keeping the requests and the
/// report in `dir` under `name`.
fn publish_run(moto: &Moto, dir: &Path, name: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
    let report = dir.join(format!("{name}.json"));
    let requests = dir.join(format!("{name}-requests"));
    let (report_text, requests_text) =
        (report.display().to_string(), requests.display().to_string());
    let mut all = vec![
        "scan",
        "--output",
        &report_text,
        "--publish",
        "--save-requests",
        &requests_text,
    ];
    all.extend_from_slice(args);
    let output = moto.parapet(&all, env);
    let report = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    Run {
        output,
        report,
        requests,
    }
}

/// Every request body saved in `dir`, after botocore's validation.
fn validated_requests(dir: &Path) -> Vec<Value> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no request saved in {}", dir.display());
    let mut args = vec!["botocore".to_owned()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let checked = python("validate.py", &args);
    let requests: Vec<Value> = paths
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect();
    let sent: usize = requests
        .iter()
        .map(|r| r["Findings"].as_array().unwrap().len())
        .sum();
    assert_eq!(checked["checked"], sent);
    for request in &requests {
        let findings = request["Findings"].as_array().unwrap();
        assert!(
            (1..=100).contains(&findings.len()),
            "{} findings",
            findings.len()
        );
        assert!(serde_json::to_vec(request).unwrap().len() <= 6 * 1024 * 1024);
        let regions: BTreeSet<&str> = findings
            .iter()
            .map(|f| f["Region"].as_str().unwrap())
            .collect();
        assert_eq!(regions.len(), 1, "one region per request: {regions:?}");
    }
    requests
}

/// Security Hub's findings in `region`, by id.
fn hub(moto: &Moto, region: &str) -> BTreeMap<String, Value> {
    moto.script("securityhub.py", &["findings", region])
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["Id"].as_str().unwrap().to_owned(), f.clone()))
        .collect()
}

/// parapet's findings in Security Hub across the regions, by id.
fn ours(moto: &Moto) -> BTreeMap<String, Value> {
    REGIONS
        .iter()
        .flat_map(|region| hub(moto, region))
        .filter(|(_, f)| {
            f["GeneratorId"]
                .as_str()
                .unwrap()
                .starts_with(GENERATOR_PREFIX)
        })
        .collect()
}

fn with_state(findings: &BTreeMap<String, Value>, state: &str) -> BTreeSet<String> {
    findings
        .iter()
        .filter(|(_, f)| f["RecordState"] == state)
        .map(|(id, _)| id.clone())
        .collect()
}

/// The demo snapshot without the resource `id`, as a file in `dir`.
fn demo_without(dir: &Path, id: &str, keep_regions: &[&str]) -> String {
    let mut snapshot: Value =
        serde_json::from_str(&std::fs::read_to_string(demo()).unwrap()).unwrap();
    let resources = snapshot["resources"].as_array_mut().unwrap();
    let before = resources.len();
    resources.retain(|r| r["resourceId"] != id);
    assert_eq!(resources.len(), before - 1, "{id} is in the demo");
    resources.retain(|r| {
        let region = r["awsRegion"].as_str().unwrap();
        region == "global" || keep_regions.contains(&region)
    });
    snapshot["regions"] = serde_json::json!(keep_regions);
    let path = dir.join(format!("demo-without-{id}-{}.json", keep_regions.len()));
    std::fs::write(&path, serde_json::to_vec(&snapshot).unwrap()).unwrap();
    path.display().to_string()
}

/// The ids of findings on the resource whose id ends the ARN with `id`.
fn on_resource(report: &Value, id: &str) -> BTreeSet<String> {
    report["Findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["Resources"][0]["Id"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/{id}"))
        })
        .map(|f| f["Id"].as_str().unwrap().to_owned())
        .collect()
}

fn of_check(report: &Value, check: &str, region: &str) -> BTreeSet<String> {
    report["Findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["ProductFields"]["parapet/check_id"] == check && f["Region"] == region)
        .map(|f| f["Id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn publishing_imports_the_scan_and_archives_exactly_what_was_fixed() {
    let moto = Moto::start();
    moto.script("securityhub.py", &["enable", REGIONS[0], REGIONS[1]]);
    let foreign = moto.script("securityhub.py", &["foreign", "us-east-1"]);
    let dir = tempfile::tempdir().unwrap();

    let first = scan_and_publish(&moto, dir.path(), "first", &demo(), &[]);
    assert_eq!(first.output.status.code(), Some(0), "{}", first.stderr());
    let requests = validated_requests(&first.requests);
    let in_hub = ours(&moto);
    assert_eq!(in_hub.keys().cloned().collect::<BTreeSet<_>>(), first.ids());
    assert_eq!(with_state(&in_hub, "ACTIVE"), first.ids());
    assert!(
        first.stderr().contains(&format!(
            "{} imported, 0 archived, 0 failed",
            first.ids().len()
        )),
        "{}",
        first.stderr()
    );
    assert!(
        requests.len() >= 4,
        "{} findings in {} requests",
        first.ids().len(),
        requests.len()
    );

    // The team triages one failure in the console.
    let (check, group) = failing_security_group(&first.report);
    let on_group = on_resource(&first.report, &group);
    let triaged = of_check(&first.report, &check, "us-east-1")
        .intersection(&on_group)
        .next()
        .unwrap()
        .clone();
    moto.script("securityhub.py", &["triage", "us-east-1", &triaged]);
    let kept = first.ids().difference(&on_group).next().unwrap().clone();
    let created_at = in_hub[&kept]["CreatedAt"].clone();

    // The group is deleted: its findings, and only those, are archived.
    let fixed = demo_without(dir.path(), &group, &REGIONS);
    let second = scan_and_publish(&moto, dir.path(), "second", &fixed, &[]);
    assert_eq!(second.output.status.code(), Some(0), "{}", second.stderr());
    let gone: BTreeSet<String> = first.ids().difference(&second.ids()).cloned().collect();
    assert_eq!(gone, on_group, "exactly the group's findings are gone");
    let in_hub = ours(&moto);
    assert_eq!(with_state(&in_hub, "ARCHIVED"), gone);
    assert_eq!(with_state(&in_hub, "ACTIVE"), second.ids());
    assert!(
        second.stderr().contains(&format!(
            "{} imported, {} archived, 0 failed",
            second.ids().len(),
            gone.len()
        )),
        "{}",
        second.stderr()
    );

    // Customer-owned fields are never sent, so the triage survives; the
    // first sighting is kept across scans.
    let requests = validated_requests(&second.requests);
    for finding in requests
        .iter()
        .flat_map(|r| r["Findings"].as_array().unwrap())
    {
        for field in ["Workflow", "Note", "UserDefinedFields", "VerificationState"] {
            assert!(finding.get(field).is_none(), "{field} sent: {finding}");
        }
    }
    let archived = &in_hub[&triaged];
    assert_eq!(archived["Workflow"]["Status"], "SUPPRESSED");
    assert_eq!(archived["Note"]["Text"], "accepted by the team");
    assert_eq!(archived["UserDefinedFields"]["ticket"], "SEC-42");
    assert_eq!(in_hub[&kept]["CreatedAt"], created_at);
    assert_ne!(
        second.report["Findings"][0]["CreatedAt"], created_at,
        "the scans are apart, so only publishing can keep the first time"
    );

    // Another product's finding is never touched.
    let theirs = &hub(&moto, "us-east-1")[foreign["id"].as_str().unwrap()];
    assert_eq!(theirs["RecordState"], "ACTIVE");
    assert_eq!(theirs["UpdatedAt"], "2026-11-01T00:00:00.000Z");
}

#[test]
fn a_partial_scan_archives_nothing_it_did_not_check() {
    let moto = Moto::start();
    moto.script("securityhub.py", &["enable", REGIONS[0], REGIONS[1]]);
    let dir = tempfile::tempdir().unwrap();
    let first = scan_and_publish(&moto, dir.path(), "first", &demo(), &[]);
    assert_eq!(first.output.status.code(), Some(0), "{}", first.stderr());
    let (check, group) = failing_security_group(&first.report);

    // One check, one region, and the group gone: only that check's
    // findings on the group may be archived; eu-west-1 and every other
    // check stay as they were, though this report does not have them.
    let partial = demo_without(dir.path(), &group, &REGIONS[..1]);
    let second = scan_and_publish(&moto, dir.path(), "second", &partial, &["--check", &check]);
    assert_eq!(second.output.status.code(), Some(0), "{}", second.stderr());
    let expected: BTreeSet<String> = of_check(&first.report, &check, "us-east-1")
        .difference(&second.ids())
        .cloned()
        .collect();
    assert!(!expected.is_empty());
    let in_hub = ours(&moto);
    assert_eq!(with_state(&in_hub, "ARCHIVED"), expected);
    let still: BTreeSet<String> = first.ids().difference(&expected).cloned().collect();
    assert_eq!(with_state(&in_hub, "ACTIVE"), still);
    assert!(
        second.ids().len() < still.len(),
        "the partial report lacks most active findings"
    );
}

#[test]
fn only_failed_and_dry_run_send_what_they_say() {
    let moto = Moto::start();
    moto.script("securityhub.py", &["enable", REGIONS[0], REGIONS[1]]);
    let dir = tempfile::tempdir().unwrap();

    // A dry run reads Security Hub and sends nothing.
    let dry = scan_and_publish(&moto, dir.path(), "dry", &demo(), &["--dry-run"]);
    assert_eq!(dry.output.status.code(), Some(0), "{}", dry.stderr());
    assert!(ours(&moto).is_empty());
    assert!(
        dry.stderr().contains(&format!(
            "would import {} and archive 0 finding(s)",
            dry.ids().len()
        )),
        "{}",
        dry.stderr()
    );
    validated_requests(&dry.requests);

    let all = scan_and_publish(&moto, dir.path(), "all", &demo(), &[]);
    assert_eq!(all.output.status.code(), Some(0), "{}", all.stderr());
    let failed: BTreeSet<String> = all.report["Findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["Compliance"]["Status"] == "FAILED")
        .map(|f| f["Id"].as_str().unwrap().to_owned())
        .collect();
    assert!(!failed.is_empty() && failed.len() < all.ids().len());

    // Only failures are sent; the rest of parapet's active findings in
    // scope are archived, as nothing now says they fail.
    let only = scan_and_publish(&moto, dir.path(), "only", &demo(), &["--only-failed"]);
    assert_eq!(only.output.status.code(), Some(0), "{}", only.stderr());
    let in_hub = ours(&moto);
    assert_eq!(with_state(&in_hub, "ACTIVE"), failed);
    assert_eq!(
        with_state(&in_hub, "ARCHIVED"),
        all.ids().difference(&failed).cloned().collect()
    );
    let sent: usize = validated_requests(&only.requests)
        .iter()
        .flat_map(|r| r["Findings"].as_array().unwrap())
        .filter(|f| f["RecordState"] == "ACTIVE")
        .inspect(|f| assert_eq!(f["Compliance"]["Status"], "FAILED"))
        .count();
    assert_eq!(sent, failed.len());

    // `parapet publish` of the full report, as a dry run, would bring the
    // passes back and archive nothing.
    let report = dir.path().join("all.json").display().to_string();
    let run = moto.parapet(&["publish", &report, "--dry-run"], &[]);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(&format!("would import {} and archive 0", all.ids().len())),
        "{stderr}"
    );
    assert_eq!(ours(&moto), in_hub, "a dry run changes nothing");
}

#[test]
fn a_region_without_security_hub_is_named_and_the_others_still_published() {
    let moto = Moto::start();
    moto.script("securityhub.py", &["enable", "us-east-1"]);
    let dir = tempfile::tempdir().unwrap();
    let run = scan_and_publish(&moto, dir.path(), "report", &demo(), &[]);
    let stderr = run.stderr();
    assert_eq!(run.output.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains("account 123456789012, eu-west-1: Security Hub is not enabled")
            && stderr.contains("aws securityhub enable-security-hub --region eu-west-1"),
        "{stderr}"
    );
    let east: BTreeSet<String> = run.report["Findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["Region"] == "us-east-1")
        .map(|f| f["Id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ours(&moto).keys().cloned().collect::<BTreeSet<_>>(), east);
    assert!(hub(&moto, "eu-west-1").is_empty());
}

#[test]
fn another_accounts_findings_are_refused_with_the_cross_account_rule() {
    let moto = Moto::start();
    moto.script("securityhub.py", &["enable", REGIONS[0], REGIONS[1]]);
    let dir = tempfile::tempdir().unwrap();
    // The same account under another number, resources and ARNs included.
    let other = std::fs::read_to_string(demo())
        .unwrap()
        .replace("123456789012", "210987654321");
    let path = dir.path().join("other.json");
    std::fs::write(&path, other).unwrap();
    let report = dir.path().join("report.json").display().to_string();
    let run = moto.parapet(
        &[
            "scan",
            "--snapshot",
            &path.display().to_string(),
            "--output",
            &report,
            "--publish",
        ],
        &[],
    );
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains("these credentials are of account 123456789012")
            && stderr.contains("AwsAccountId")
            && stderr.contains("--org"),
        "{stderr}"
    );
    assert!(ours(&moto).is_empty());
}

/// `parapet scan --publish` of a live collection, as a nightly job runs it.
fn live_scan_and_publish(moto: &Moto, dir: &Path, name: &str, env: &[(&str, &str)]) -> Run {
    let mut args = vec!["--max-attempts", "2"];
    for region in REGIONS {
        args.extend(["--region", region]);
    }
    publish_run(moto, dir, name, &args, env)
}

fn check_ids(report: &Value, check: &str) -> BTreeSet<String> {
    REGIONS
        .iter()
        .flat_map(|region| of_check(report, check, region))
        .collect()
}

#[test]
fn a_live_nightly_publish_never_archives_what_a_collection_gap_hid() {
    let moto = Moto::start();
    moto.seed(&["account"]);
    moto.script("securityhub.py", &["enable", REGIONS[0], REGIONS[1]]);
    let dir = tempfile::tempdir().unwrap();

    // moto lacks a few services, so the collection (and scan) is partial:
    // exit 3, but everything else is published.
    let first = live_scan_and_publish(&moto, dir.path(), "first", &[]);
    assert_eq!(first.output.status.code(), Some(3), "{}", first.stderr());
    validated_requests(&first.requests);
    assert_eq!(with_state(&ours(&moto), "ACTIVE"), first.ids());
    let keys_checked = check_ids(&first.report, "kms-key-rotation");
    assert!(!keys_checked.is_empty(), "the seeded key is checked");

    // KMS cannot be reached the next night: the key's findings are not in
    // the report, and must stay active in Security Hub, for nothing says
    // the key was fixed.
    let env = [("AWS_ENDPOINT_URL_KMS", "http://127.0.0.1:9")];
    let second = live_scan_and_publish(&moto, dir.path(), "second", &env);
    assert_eq!(second.output.status.code(), Some(3), "{}", second.stderr());
    assert!(
        second.stderr().contains("kms:ListKeys failed"),
        "{}",
        second.stderr()
    );
    let now = check_ids(&second.report, "kms-key-rotation");
    assert!(now.is_disjoint(&keys_checked), "the key went unseen");
    assert!(
        second.report["Findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["ProductFields"]["parapet/check_id"] == "kms-key-rotation")
            .all(|f| f["Compliance"]["Status"] == "NOT_AVAILABLE")
    );
    let in_hub = ours(&moto);
    let active = with_state(&in_hub, "ACTIVE");
    assert!(
        keys_checked.is_subset(&active),
        "a gap archived the key's findings"
    );
    // Whatever else is gone was checked and found gone: that, and only
    // that, is archived.
    let expected: BTreeSet<String> = first
        .ids()
        .difference(&second.ids())
        .filter(|id| !keys_checked.contains(*id))
        .cloned()
        .collect();
    assert_eq!(with_state(&in_hub, "ARCHIVED"), expected);
}
