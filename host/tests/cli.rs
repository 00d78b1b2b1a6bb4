//! The `parapet` binary end to end: the demo scan, the ASFF report checked
//! field by field against Security Hub's rules, exit codes, and bad input.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a panic is the failure report"
)]

mod common;

use common::{demo, parapet, parapet_with_cache, text};

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

struct Scan {
    output: Output,
    report: Option<Value>,
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn scan(snapshot: &str, extra: &[&str]) -> Scan {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let path_text = path.display().to_string();
    let mut args = vec!["scan", "--snapshot", snapshot, "--output", &path_text];
    args.extend_from_slice(extra);
    let output = parapet(&args);
    let report = std::fs::read_to_string(&path)
        .ok()
        .map(|t| serde_json::from_str(&t).unwrap());
    Scan {
        output,
        report,
        _dir: dir,
        path,
    }
}

/// ASFF resource types (from the ASFF syntax reference) parapet may write.
const ASFF_RESOURCE_TYPES: &[&str] = &[
    "AwsAccount",
    "AwsIamUser",
    "AwsIamRole",
    "AwsIamGroup",
    "AwsIamPolicy",
    "AwsIamAccessKey",
    "AwsEc2SecurityGroup",
    "AwsEc2Instance",
    "AwsEc2Volume",
    "AwsEc2Vpc",
    "AwsEc2Subnet",
    "AwsEc2NetworkAcl",
    "AwsEc2Eip",
    "AwsEc2NatGateway",
    "AwsEc2TransitGateway",
    "AwsEc2LaunchTemplate",
    "AwsEc2RouteTable",
    "AwsEc2NetworkInterface",
    "AwsS3Bucket",
    "AwsS3AccountPublicAccessBlock",
    "AwsKmsKey",
    "AwsCloudTrailTrail",
    "AwsSecretsManagerSecret",
    "AwsElbv2LoadBalancer",
    "AwsElbLoadBalancer",
    "AwsWafv2WebAcl",
    "AwsRdsDbInstance",
    "AwsLambdaFunction",
    "AwsCloudFrontDistribution",
    "AwsGuardDutyDetector",
    "AwsSnsTopic",
    "Other",
];

fn is_rfc3339_millis(text: &str) -> bool {
    text.len() == 24 && text.ends_with('Z') && text.parse::<jiff::Timestamp>().is_ok()
}

/// Every rule Security Hub applies to an imported finding that the report controls.
fn assert_valid_asff(finding: &Value) {
    let id = finding["Id"].as_str().unwrap();
    let field = |name: &str| {
        finding
            .get(name)
            .unwrap_or_else(|| panic!("{id}: missing {name}"))
    };
    for required in [
        "SchemaVersion",
        "Id",
        "ProductArn",
        "GeneratorId",
        "AwsAccountId",
        "Types",
        "CreatedAt",
        "UpdatedAt",
        "Severity",
        "Title",
        "Description",
        "Resources",
    ] {
        field(required);
    }
    assert_eq!(field("SchemaVersion"), "2018-10-08");
    let created = finding["CreatedAt"].as_str().unwrap();
    assert!(
        id.len() <= 512 && !id.contains(&created[..10]),
        "{id}: ids carry no timestamp"
    );
    let account = field("AwsAccountId").as_str().unwrap();
    assert!(
        account.len() == 12 && account.chars().all(|c| c.is_ascii_digit()),
        "{id}: account {account}"
    );
    let region = field("Region").as_str().unwrap();
    assert_eq!(
        field("ProductArn").as_str().unwrap(),
        format!("arn:aws:securityhub:{region}:{account}:product/{account}/default")
    );
    assert!(field("GeneratorId").as_str().unwrap().len() <= 512);
    let types = field("Types").as_array().unwrap();
    assert!(!types.is_empty() && types.len() <= 50);
    for t in types {
        let parts: Vec<&str> = t.as_str().unwrap().split('/').collect();
        assert!((1..=3).contains(&parts.len()), "{id}: type {t}");
        assert!(
            [
                "Software and Configuration Checks",
                "TTPs",
                "Effects",
                "Unusual Behaviors",
                "Sensitive Data Identifications"
            ]
            .contains(&parts[0]),
            "{id}: type namespace {t}"
        );
    }
    for stamp in [
        "CreatedAt",
        "UpdatedAt",
        "FirstObservedAt",
        "LastObservedAt",
    ] {
        assert!(
            is_rfc3339_millis(field(stamp).as_str().unwrap()),
            "{id}: {stamp}"
        );
    }
    let severity = field("Severity");
    let label = severity["Label"].as_str().unwrap();
    let normalized = severity["Normalized"].as_u64().unwrap();
    let expected = match label {
        "INFORMATIONAL" => 0,
        "LOW" => 1,
        "MEDIUM" => 40,
        "HIGH" => 70,
        "CRITICAL" => 90,
        other => panic!("{id}: severity label {other}"),
    };
    assert_eq!(
        normalized, expected,
        "{id}: normalized severity matches the label"
    );
    let title = field("Title").as_str().unwrap();
    assert!(!title.is_empty() && title.chars().count() <= 256);
    let description = field("Description").as_str().unwrap();
    assert!(!description.is_empty() && description.chars().count() <= 1024);
    let resources = field("Resources").as_array().unwrap();
    assert!(!resources.is_empty() && resources.len() <= 32);
    for resource in resources {
        assert!(
            ASFF_RESOURCE_TYPES.contains(&resource["Type"].as_str().unwrap()),
            "{id}: {resource}"
        );
        assert!(!resource["Id"].as_str().unwrap().is_empty());
        assert_eq!(resource["Partition"], "aws");
        assert_eq!(resource["Region"], region);
    }
    let status = finding["Compliance"]["Status"].as_str().unwrap();
    assert!(["PASSED", "WARNING", "FAILED", "NOT_AVAILABLE"].contains(&status));
    if status == "PASSED" {
        assert_eq!(
            label, "INFORMATIONAL",
            "{id}: passed findings are informational"
        );
    }
    let requirements = finding["Compliance"]
        .get("RelatedRequirements")
        .and_then(Value::as_array);
    assert!(requirements.is_none_or(|r| r.len() <= 32));
    let fields = field("ProductFields").as_object().unwrap();
    assert!(fields.len() <= 50);
    for (key, value) in fields {
        assert!(key.chars().count() <= 128 && value.as_str().unwrap().chars().count() <= 2048);
    }
    assert!(
        fields.contains_key("parapet/plugin_id") && fields.contains_key("parapet/plugin_version")
    );
    assert!(
        finding["Remediation"]["Recommendation"]["Text"]
            .as_str()
            .unwrap()
            .chars()
            .count()
            <= 512
    );
    assert_eq!(finding["FindingProviderFields"]["Severity"]["Label"], label);
    assert!(serde_json::to_vec(finding).unwrap().len() <= 240 * 1024);
    assert_eq!(finding["RecordState"], "ACTIVE");
    for customer_owned in ["Workflow", "Note", "UserDefinedFields", "VerificationState"] {
        assert!(
            finding.get(customer_owned).is_none(),
            "{id}: writes customer-owned {customer_owned}"
        );
    }
}

#[test]
fn the_demo_scan_writes_valid_asff_from_the_wasm_plugins() {
    let run = scan(&demo(), &[]);
    assert!(run.output.status.success(), "{}", text(&run.output.stderr));
    let stdout = text(&run.output.stdout);
    assert!(
        stdout.contains("292 findings: 114 failed, 177 passed, 1 warning, 0 not available"),
        "{stdout}"
    );
    assert!(stdout.contains("scan complete"), "{stdout}");

    let report = run.report.unwrap();
    let findings = report["Findings"].as_array().unwrap();
    assert_eq!(findings.len(), 292);
    for finding in findings {
        assert_valid_asff(finding);
    }
    let from = |plugin: &str| {
        findings
            .iter()
            .filter(|f| f["ProductFields"]["parapet/plugin_id"] == plugin)
            .count()
    };
    assert_eq!(
        (
            from("iam"),
            from("vpc"),
            from("tagging"),
            from("security"),
            from("cost"),
            from("reliability")
        ),
        (54, 69, 105, 23, 32, 9)
    );
    let failed = |check: &str| {
        findings.iter().any(|f| {
            f["ProductFields"]["parapet/check_id"] == check && f["Compliance"]["Status"] == "FAILED"
        })
    };
    for check in [
        "iam-root-access-keys",
        "iam-password-policy",
        "iam-console-user-mfa",
        "iam-policy-full-admin",
        "vpc-sg-admin-ports-open",
        "ec2-imdsv2-required",
        "ec2-ebs-snapshot-public",
        "vpc-tgw-auto-accept",
        "tag-required-keys",
        "tag-key-drift",
        "tag-cost-allocation-inactive",
        "tag-compliance-rate",
        "cloudtrail-multi-region",
        "elb-waf",
        "kms-key-rotation",
        "guardduty-enabled",
        "cost-ebs-unattached",
        "cost-stopped-instances",
        "cost-nat-gateway-idle",
        "cost-month-over-month-jump",
        "rel-rds-multi-az",
        "rel-asg-multi-az",
    ] {
        assert!(failed(check), "the demo violates {check}");
    }
    assert!(!failed("iam-root-mfa"), "the demo's root user has MFA");
    let bob = findings
        .iter()
        .find(|f| {
            f["Resources"][0]["Id"] == "arn:aws:iam::123456789012:user/bob"
                && f["Compliance"]["Status"] == "FAILED"
        })
        .unwrap();
    assert_eq!(bob["Resources"][0]["Type"], "AwsIamUser");
    assert_eq!(
        bob["Region"], "us-east-1",
        "global findings go to the home region"
    );
}

#[test]
fn ids_are_the_same_in_every_scan() {
    let ids = |run: Scan| -> Vec<String> {
        let mut ids: Vec<String> = run.report.unwrap()["Findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["Id"].as_str().unwrap().to_owned())
            .collect();
        ids.sort();
        ids
    };
    let first = ids(scan(&demo(), &[]));
    let second = ids(scan(&demo(), &[]));
    assert_eq!(first, second);
    let unique: std::collections::HashSet<_> = first.iter().collect();
    assert_eq!(unique.len(), first.len(), "ids are unique");
}

#[test]
fn fail_on_sets_the_exit_code() {
    assert_eq!(
        scan(&demo(), &["--fail-on", "critical"])
            .output
            .status
            .code(),
        Some(1)
    );
    let json = scan(
        &demo(),
        &[
            "--fail-on",
            "critical",
            "--check",
            "iam-root-mfa",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        json.output.status.code(),
        Some(0),
        "{}",
        text(&json.output.stderr)
    );
    let report = json.report.unwrap();
    assert_eq!(report["summary"]["findings"], 1);
    assert_eq!(report["scan"]["complete"], true);
}

#[test]
fn a_faulty_plugin_makes_the_scan_incomplete_but_keeps_the_report() {
    let run = scan(
        &demo(),
        &[
            "--plugin",
            parapet_test_programs::FAULTY,
            "--format",
            "json",
        ],
    );
    assert_eq!(run.output.status.code(), Some(3));
    let stderr = text(&run.output.stderr);
    assert!(
        stderr.contains("plugin 'faulty', check 'faulty-panics': trapped"),
        "{stderr}"
    );
    let report = run.report.unwrap();
    assert_eq!(report["scan"]["complete"], false);
    assert_eq!(report["failures"].as_array().unwrap().len(), 5);
    assert_eq!(report["summary"]["by_plugin"]["iam"]["failed"], 21);
    assert_eq!(report["summary"]["by_plugin"]["vpc"]["failed"], 27);

    let asff = scan(&demo(), &["--plugin", parapet_test_programs::FAULTY]);
    let findings = asff.report.unwrap()["Findings"].as_array().unwrap().clone();
    let not_run: Vec<_> = findings
        .iter()
        .filter(|f| f["ProductFields"].get("parapet/failure").is_some())
        .collect();
    assert_eq!(
        not_run.len(),
        5,
        "each check that could not run is a NOT_AVAILABLE finding"
    );
    for finding in &findings {
        assert_valid_asff(finding);
    }
    for finding in not_run {
        assert_eq!(finding["Compliance"]["Status"], "NOT_AVAILABLE");
    }
}

#[test]
fn bad_snapshots_give_clear_errors_and_no_report() {
    let dir = tempfile::tempdir().unwrap();
    let demo_text = std::fs::read_to_string(demo()).unwrap();
    let cases = [
        (
            "invalid.json",
            "{ this is not json".to_owned(),
            "not valid JSON at line 1",
        ),
        (
            "truncated.json",
            demo_text[..demo_text.len() / 3].to_owned(),
            "truncated",
        ),
        (
            "version.json",
            demo_text.replacen("\"schema_version\": 1", "\"schema_version\": 99", 1),
            "unsupported schema_version 99",
        ),
        (
            "types.json",
            demo_text.replacen(
                "\"account_id\": \"123456789012\"",
                "\"account_id\": 123456789012",
                1,
            ),
            "does not match the snapshot format",
        ),
    ];
    for (name, content, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        let run = scan(&path.display().to_string(), &[]);
        assert_eq!(run.output.status.code(), Some(2), "{name}");
        let stderr = text(&run.output.stderr);
        assert!(
            stderr.contains(name) && stderr.contains(expected),
            "{name}: {stderr}"
        );
        assert!(!run.path.exists(), "{name}: no report for a bad snapshot");
    }
    let missing = scan("/nonexistent/snapshot.json", &[]);
    assert_eq!(missing.output.status.code(), Some(2));
    assert!(
        text(&missing.output.stderr).contains("cannot read snapshot '/nonexistent/snapshot.json'")
    );
}

#[test]
fn checks_list_and_explain_show_the_plugins_own_documentation() {
    let list = parapet(&["checks", "list"]);
    assert!(list.status.success());
    let listed = text(&list.stdout);
    for check in [
        "iam-root-mfa",
        "iam-root-access-keys",
        "iam-password-policy",
        "iam-console-user-mfa",
        "iam-policy-full-admin",
    ] {
        assert!(listed.contains(check), "{listed}");
    }
    let explain = parapet(&["checks", "explain", "iam-password-policy"]);
    assert!(explain.status.success());
    let doc = text(&explain.stdout);
    assert!(
        doc.contains("## Why it matters") && doc.contains("CIS-AWS-3.0/1.8"),
        "{doc}"
    );
    let unknown = parapet(&["checks", "explain", "no-such-check"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("no loaded plugin has a check 'no-such-check'"));
}

#[test]
fn plugins_list_names_the_built_in_plugins() {
    let out = parapet(&["plugins", "list"]);
    assert!(out.status.success());
    let listed = text(&out.stdout);
    for plugin in ["iam", "vpc", "tagging", "security", "cost", "reliability"] {
        assert!(listed.contains(&format!("builtin:{plugin}")), "{listed}");
    }
}

fn write_config(dir: &tempfile::TempDir, text: &str) -> String {
    let path = dir.path().join("parapet.toml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn the_config_sets_plugin_settings_disables_checks_and_overrides_severity() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(
        &dir,
        r#"
        [checks]
        disable = ["vpc-sg-too-many-rules"]
        severity = { "iam-root-access-keys" = "low" }

        [plugins.tagging.settings]
        required_keys = ["Project"]
        "#,
    );
    let run = scan(&demo(), &["--config", &config, "--format", "json"]);
    assert!(run.output.status.success(), "{}", text(&run.output.stderr));
    let report = run.report.unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .all(|f| f["check_id"] != "vpc-sg-too-many-rules")
    );
    let keys = findings
        .iter()
        .find(|f| f["check_id"] == "iam-root-access-keys")
        .unwrap();
    assert_eq!(keys["severity"], "LOW");
    let missing: Vec<_> = findings
        .iter()
        .filter(|f| f["check_id"] == "tag-required-keys" && f["status"] == "FAILED")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        !missing.is_empty()
            && missing
                .iter()
                .all(|m| m.ends_with("lacks required tags: Project")),
        "{missing:?}"
    );
}

#[test]
fn config_mistakes_are_errors_that_suggest_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("[plugins.tagging]\nsetings = {}\n", "line 2"),
        (
            "[plugins.tagging]\nsetings = {}\n",
            "did you mean `settings`?",
        ),
        (
            "[checks]\ndisable = [\"iam-root-mfaa\"]\n",
            "did you mean 'iam-root-mfa'?",
        ),
        (
            "[plugins.taging.settings]\nrequired_keys = []\n",
            "did you mean 'tagging'?",
        ),
    ];
    for (content, expected) in cases {
        let config = write_config(&dir, content);
        let run = scan(&demo(), &["--config", &config]);
        assert_eq!(run.output.status.code(), Some(2), "{content}");
        let stderr = text(&run.output.stderr);
        assert!(
            stderr.contains(&config) && stderr.contains(expected),
            "{content}: {stderr}"
        );
        assert!(!run.path.exists());
    }
}

#[test]
fn settings_a_plugin_rejects_make_its_checks_fail_to_run() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(
        &dir,
        "[plugins.tagging.settings]\nrequired_key = [\"Owner\"]\n",
    );
    let run = scan(&demo(), &["--config", &config, "--format", "json"]);
    assert_eq!(run.output.status.code(), Some(3));
    let report = run.report.unwrap();
    let failures = report["failures"].as_array().unwrap();
    assert!(!failures.is_empty());
    for failure in failures {
        assert_eq!(failure["plugin"], "tagging");
        assert!(
            failure["message"]
                .as_str()
                .unwrap()
                .contains("required_key"),
            "{failure}"
        );
    }
}

#[test]
fn a_plugin_whose_digest_does_not_match_its_pin_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("escape.wasm");
    std::fs::copy(parapet_test_programs::ESCAPE, &copy).unwrap();
    let wrong = "0".repeat(64);
    let config = write_config(
        &dir,
        &format!("[plugins.escape]\npath = \"escape.wasm\"\nsha256 = \"{wrong}\"\n"),
    );
    let run = scan(&demo(), &["--config", &config, "--format", "json"]);
    assert_eq!(
        run.output.status.code(),
        Some(3),
        "{}",
        text(&run.output.stderr)
    );
    let report = run.report.unwrap();
    let message = report["failures"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    let actual = {
        use sha2::Digest;
        sha2::Sha256::digest(std::fs::read(&copy).unwrap())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    assert!(
        message.contains(&wrong) && message.contains(&actual),
        "{message}"
    );
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["plugin"] != "escape")
    );

    let pinned = write_config(
        &dir,
        &format!("[plugins.escape]\npath = \"escape.wasm\"\nsha256 = \"{actual}\"\n"),
    );
    let run = scan(&demo(), &["--config", &pinned, "--format", "json"]);
    assert!(run.output.status.success(), "{}", text(&run.output.stderr));
    let findings = run.report.unwrap()["findings"].as_array().unwrap().clone();
    assert_eq!(
        findings.iter().filter(|f| f["plugin"] == "escape").count(),
        4
    );
}

#[test]
fn a_granted_data_directory_is_readable_and_nothing_more() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        parapet_test_programs::ESCAPE,
        dir.path().join("escape.wasm"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("data")).unwrap();
    std::fs::write(dir.path().join("data/allowed.txt"), "hello\n").unwrap();
    let config = write_config(
        &dir,
        "[plugins.escape]\npath = \"escape.wasm\"\ndata_dir = \"data\"\n",
    );
    let run = scan(&demo(), &["--config", &config, "--format", "json"]);
    assert!(run.output.status.success(), "{}", text(&run.output.stderr));
    let report = run.report.unwrap();
    let message = |check: &str| {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["check_id"] == check)
            .unwrap()["message"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let data = message("escape-data-dir");
    assert!(
        data.contains("read \"hello\" from /data/allowed.txt"),
        "{data}"
    );
    assert!(
        data.contains("writing /data/written.txt was denied"),
        "{data}"
    );
    assert!(!dir.path().join("data/written.txt").exists());
    assert!(
        message("escape-read-file").contains("was denied"),
        "only the granted directory is visible"
    );

    let missing = write_config(
        &dir,
        "[plugins.escape]\npath = \"escape.wasm\"\ndata_dir = \"nowhere\"\n",
    );
    let run = scan(&demo(), &["--config", &missing]);
    assert_eq!(run.output.status.code(), Some(2));
    assert!(
        text(&run.output.stderr).contains("data_dir"),
        "{}",
        text(&run.output.stderr)
    );
}

#[test]
fn compiled_components_are_cached_and_a_corrupt_entry_is_recompiled() {
    let cache = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("report.json").display().to_string();
    let run = |cache: &Path| {
        let out = parapet_with_cache(
            &[
                "scan",
                "--snapshot",
                &demo(),
                "--output",
                &output,
                "--format",
                "json",
                "-q",
            ],
            cache,
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        let report: Value =
            serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
        report["summary"].clone()
    };
    let first = run(cache.path());
    let entries: Vec<PathBuf> = std::fs::read_dir(cache.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "cwasm"))
        .collect();
    let built_in = text(&parapet(&["plugins", "list"]).stdout)
        .matches("builtin:")
        .count();
    assert_eq!(
        entries.len(),
        built_in,
        "one entry per built-in plugin: {entries:?}"
    );
    assert_eq!(
        run(cache.path()),
        first,
        "the cached components give the same findings"
    );

    // Flip a byte in the middle of one entry: it must be recompiled, not run.
    let victim = &entries[0];
    let mut bytes = std::fs::read(victim).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(victim, &bytes).unwrap();
    assert_eq!(run(cache.path()), first);
    assert_ne!(
        std::fs::read(victim).unwrap(),
        bytes,
        "the corrupt entry was replaced"
    );
}

#[test]
fn the_report_carries_the_finops_kpis_with_targets_and_unit_cost() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(
        &dir,
        "[finops]\nunit = \"orders\"\nunits = { \"2026-09\" = 100000, \"2026-10\" = 150000 }\n",
    );
    let run = scan(&demo(), &["--config", &config, "--format", "json"]);
    assert!(run.output.status.success(), "{}", text(&run.output.stderr));
    let stdout = text(&run.output.stdout);
    assert!(
        stdout.contains("FinOps KPIs") && stdout.contains("tagging compliance"),
        "{stdout}"
    );
    assert!(
        stdout.contains("commitment savings available: $241.36 a month"),
        "{stdout}"
    );
    assert!(
        stdout.contains("cost per orders is trending down"),
        "{stdout}"
    );
    let finops = run.report.unwrap()["finops"].clone();
    let kpi = |name: &str| {
        finops["kpis"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["name"] == name)
            .unwrap_or_else(|| panic!("no KPI {name}: {finops}"))
            .clone()
    };
    assert_eq!(kpi("tagging compliance")["target"], 95.0);
    assert_eq!(kpi("tagging compliance")["met"], false);
    assert_eq!(kpi("waste rate")["better"], "lower");
    assert_eq!(kpi("Reserved Instance coverage")["value"], 38.4);
    assert_eq!(kpi("Reserved Instance utilization")["met"], true);
    assert!(finops["estimated_monthly_waste_usd"].as_f64().unwrap() > 100.0);
    assert_eq!(finops["rightsizing_savings_usd"], 19.34);
    assert_eq!(finops["commitment_savings_usd"], 241.36);
    let months = finops["cost_by_month"].as_array().unwrap();
    assert_eq!(months.len(), 4);
    let october = months.iter().find(|m| m["month"] == "2026-10").unwrap();
    assert!((october["unit_cost_usd"].as_f64().unwrap() - 4074.72 / 150_000.0).abs() < 1e-9);
    assert_eq!(
        finops["trend"], "down",
        "cost per order fell from September to October"
    );
}

#[test]
fn a_snapshot_with_collection_errors_makes_a_partial_scan() {
    let dir = tempfile::tempdir().unwrap();
    let mut snapshot: Value =
        serde_json::from_str(&std::fs::read_to_string(demo()).unwrap()).unwrap();
    snapshot["collection_errors"] = serde_json::json!([{
        "service": "ec2", "region": "eu-west-1", "operation": "DescribeFlowLogs",
        "code": "UnauthorizedOperation",
        "message": "You are not authorized to perform this operation.",
        "resource_types": ["AWS::EC2::FlowLog"]
    }]);
    let path = dir.path().join("partial.json");
    std::fs::write(&path, snapshot.to_string()).unwrap();
    let run = scan(&path.display().to_string(), &["--format", "json"]);
    assert_eq!(
        run.output.status.code(),
        Some(3),
        "{}",
        text(&run.output.stderr)
    );
    let stdout = text(&run.output.stdout);
    assert!(
        stdout.contains("collection was partial: 1 API call(s) failed"),
        "{stdout}"
    );
    assert!(
        stdout.contains("ec2:DescribeFlowLogs failed in eu-west-1"),
        "{stdout}"
    );
    let report = run.report.unwrap();
    let flow_logs: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["check_id"] == "vpc-flow-logs-disabled" && f["resource"]["region"] == "eu-west-1"
        })
        .collect();
    assert!(
        flow_logs.iter().any(|f| f["status"] == "NOT_AVAILABLE"),
        "{flow_logs:?}"
    );
    assert!(
        flow_logs.iter().all(|f| f["status"] != "PASSED"),
        "{flow_logs:?}"
    );
}

#[test]
fn several_collection_errors_in_a_region_make_one_gap_finding_per_check() {
    let dir = tempfile::tempdir().unwrap();
    let mut snapshot: Value =
        serde_json::from_str(&std::fs::read_to_string(demo()).unwrap()).unwrap();
    let denied = |operation: &str, types: &[&str]| {
        serde_json::json!({
            "service": "ec2", "region": "us-east-1", "operation": operation,
            "code": "UnauthorizedOperation", "message": "denied",
            "resource_types": types,
        })
    };
    snapshot["collection_errors"] = serde_json::json!([
        denied("DescribeSecurityGroups", &["AWS::EC2::SecurityGroup"]),
        denied(
            "DescribeInstances",
            &["AWS::EC2::Instance", "AWS::EC2::SecurityGroup"]
        ),
    ]);
    let path = dir.path().join("partial.json");
    std::fs::write(&path, snapshot.to_string()).unwrap();
    let run = scan(&path.display().to_string(), &[]);
    assert_eq!(run.output.status.code(), Some(3));
    let findings = run.report.unwrap()["Findings"].as_array().unwrap().clone();
    let mut ids = std::collections::HashSet::new();
    for finding in &findings {
        assert!(
            ids.insert(finding["Id"].clone()),
            "duplicate {}",
            finding["Id"]
        );
    }
    let gap = findings
        .iter()
        .find(|f| {
            f["ProductFields"]["parapet/check_id"] == "vpc-sg-admin-ports-open"
                && f["Region"] == "us-east-1"
                && f["Resources"][0]["Type"] == "AwsAccount"
        })
        .unwrap();
    assert_eq!(gap["Compliance"]["Status"], "NOT_AVAILABLE");
    let description = gap["Description"].as_str().unwrap();
    assert!(
        description.contains("DescribeSecurityGroups") && description.contains("DescribeInstances"),
        "{description}"
    );
}
