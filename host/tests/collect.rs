//! `parapet collect` and live `parapet scan` against a real moto server
//! seeded by `host/tests/moto/seed.py` (see `scripts/moto-server`).

mod common;

use std::collections::BTreeSet;

use common::moto::Moto;
use common::text;
use serde_json::Value;

const REGIONS: [&str; 2] = ["us-east-1", "eu-west-1"];
/// moto answers 500 for what it does not implement; two tries keep the
/// tests quick without hiding anything (each failure is still recorded).
const FAST: [&str; 2] = ["--max-attempts", "2"];

/// Operations moto 5.2.5 does not implement or serves in a shape the SDK
/// cannot read: the only collection errors a complete moto account may show.
const MOTO_GAPS: &[(&str, &str)] = &[
    ("access-analyzer", "ListAnalyzers"),
    ("detective", "ListGraphs"),
    ("fms", "GetAdminAccount"),
    ("compute-optimizer", "GetEC2InstanceRecommendations"),
    ("compute-optimizer", "GetEBSVolumeRecommendations"),
    ("backup", "ListProtectedResources"),
    ("shield", "GetSubscriptionState"),
    ("macie2", "GetMacieSession"),
    ("ec2", "DescribeReservedInstances"),
    ("config", "DescribeComplianceByConfigRule"),
    ("ce", "GetReservationCoverage"),
    ("ce", "GetReservationUtilization"),
    ("ce", "GetSavingsPlansCoverage"),
    ("ce", "GetSavingsPlansUtilization"),
    ("ce", "GetSavingsPlansPurchaseRecommendation"),
    ("ce", "GetAnomalies"),
    ("ce", "GetCostForecast"),
    ("ce", "ListCostAllocationTags"),
];

fn collect(
    moto: &Moto,
    dir: &tempfile::TempDir,
    env: &[(&str, &str)],
) -> (std::process::Output, Value) {
    let path = dir.path().join("snapshot.json");
    let path_text = path.display().to_string();
    let mut args = vec!["collect", "--output", &path_text];
    for region in REGIONS {
        args.extend(["--region", region]);
    }
    args.extend(FAST);
    let run = moto.parapet(&args, env);
    let snapshot = std::fs::read_to_string(&path)
        .map(|t| serde_json::from_str(&t).expect("the snapshot is JSON"))
        .unwrap_or(Value::Null);
    (run, snapshot)
}

fn items<'a>(snapshot: &'a Value, resource_type: &str) -> Vec<&'a Value> {
    snapshot["resources"]
        .as_array()
        .expect("the snapshot has resources")
        .iter()
        .filter(|r| r["resourceType"] == resource_type)
        .collect()
}

fn item<'a>(snapshot: &'a Value, resource_type: &str, id: &str) -> &'a Value {
    items(snapshot, resource_type)
        .into_iter()
        .find(|r| r["resourceId"] == id)
        .unwrap_or_else(|| panic!("no {resource_type} {id} in the snapshot"))
}

fn names(snapshot: &Value, resource_type: &str, field: &str) -> BTreeSet<String> {
    items(snapshot, resource_type)
        .iter()
        .map(|r| {
            r["configuration"][field]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

#[test]
fn collect_captures_the_seeded_account() {
    let moto = Moto::start();
    let seeded = moto.seed(&["account"]);
    let dir = tempfile::tempdir().unwrap();
    let (run, snapshot) = collect(&moto, &dir, &[]);
    let stderr = text(&run.stderr);
    // Partial (exit 3) only because moto lacks some services.
    assert_eq!(run.status.code(), Some(3), "{stderr}");
    assert_eq!(snapshot["account_id"], "123456789012");
    assert_eq!(snapshot["regions"], serde_json::json!(REGIONS));

    // IAM, global.
    let strings = |v: &Value| -> BTreeSet<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        names(&snapshot, "AWS::IAM::User", "UserName"),
        strings(&seeded["iam"]["users"])
    );
    assert_eq!(
        names(&snapshot, "AWS::IAM::Group", "GroupName"),
        strings(&seeded["iam"]["groups"])
    );
    assert_eq!(
        names(&snapshot, "AWS::IAM::Role", "RoleName"),
        strings(&seeded["iam"]["roles"])
    );
    assert_eq!(
        names(&snapshot, "AWS::IAM::Policy", "PolicyName"),
        strings(&seeded["iam"]["policies"])
    );
    let policy = &items(&snapshot, "AWS::IAM::Policy")[0];
    assert!(policy["configuration"]["PolicyVersionList"][0]["Document"].is_string());
    let alice = items(&snapshot, "AWS::IAM::User")
        .into_iter()
        .find(|u| u["configuration"]["UserName"] == "alice")
        .unwrap();
    assert_eq!(alice["tags"]["Project"], "orders");
    assert_eq!(
        alice["configuration"]["UserPolicyList"][0]["PolicyName"],
        "inline-admin"
    );
    assert_eq!(
        alice["configuration"]["GroupList"],
        serde_json::json!(["admins"])
    );
    let policy = item(&snapshot, "Parapet::IAM::PasswordPolicy", "password-policy");
    assert_eq!(policy["configuration"]["MinimumPasswordLength"], 8);
    let rows = names(&snapshot, "Parapet::IAM::CredentialReportRow", "user");
    assert!(rows.contains("alice") && rows.contains("bob"), "{rows:?}");
    assert_eq!(
        names(
            &snapshot,
            "Parapet::IAM::ServerCertificate",
            "ServerCertificateName"
        ),
        strings(&seeded["iam"]["server_certificates"])
    );
    assert_eq!(items(&snapshot, "Parapet::IAM::VirtualMFADevice").len(), 1);
    assert!(
        item(&snapshot, "Parapet::IAM::AccountSummary", "account-summary")["configuration"]["SummaryMap"]
            ["Users"]
            == 2
    );

    // EC2 and VPC, per region.
    for region in REGIONS {
        let made = &seeded["regions"][region];
        let in_region = |t: &str| -> Vec<&Value> {
            items(&snapshot, t)
                .into_iter()
                .filter(|r| r["awsRegion"] == region)
                .collect()
        };
        let ids = |t: &str| -> BTreeSet<String> {
            in_region(t)
                .iter()
                .map(|r| r["resourceId"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(
            ids("AWS::EC2::Instance"),
            strings(&made["instances"]),
            "{region}"
        );
        let sg = item(
            &snapshot,
            "AWS::EC2::SecurityGroup",
            made["security_group"].as_str().unwrap(),
        );
        assert_eq!(sg["awsRegion"], region);
        let ingress = &sg["configuration"]["IpPermissions"];
        assert_eq!(ingress.as_array().unwrap().len(), 2, "{ingress}");
        assert!(ingress.to_string().contains("0.0.0.0/0") && ingress.to_string().contains("::/0"));
        let instance = item(
            &snapshot,
            "AWS::EC2::Instance",
            made["imds_v1_instance"].as_str().unwrap(),
        );
        assert_eq!(
            instance["configuration"]["MetadataOptions"]["HttpTokens"],
            "optional"
        );
        assert_eq!(instance["configuration"]["State"]["Name"], "running");
        assert_eq!(instance["tags"]["Project"], "orders");
        let volume = item(
            &snapshot,
            "AWS::EC2::Volume",
            made["volume"].as_str().unwrap(),
        );
        assert_eq!(volume["configuration"]["Encrypted"], false);
        assert_eq!(volume["configuration"]["Size"], 100);
        assert_eq!(volume["configuration"]["VolumeType"], "gp2");
        let snap = item(
            &snapshot,
            "AWS::EC2::Snapshot",
            made["snapshot"].as_str().unwrap(),
        );
        assert_eq!(
            snap["supplementaryConfiguration"]["CreateVolumePermissions"],
            serde_json::json!([{"Group": "all"}])
        );
        assert_eq!(
            ids("AWS::EC2::Snapshot").len(),
            1,
            "only the account's own snapshots"
        );
        let eip = item(&snapshot, "AWS::EC2::EIP", made["eip"].as_str().unwrap());
        assert!(eip["configuration"].get("AssociationId").is_none(), "{eip}");
        let acl = item(
            &snapshot,
            "AWS::EC2::NetworkAcl",
            made["network_acl"].as_str().unwrap(),
        );
        assert!(
            acl["configuration"]["Entries"]
                .to_string()
                .contains("\"RuleNumber\":100")
        );
        let subnet = item(
            &snapshot,
            "AWS::EC2::Subnet",
            made["subnet"].as_str().unwrap(),
        );
        assert_eq!(subnet["configuration"]["MapPublicIpOnLaunch"], true);
        let vpc = item(&snapshot, "AWS::EC2::VPC", made["vpc"].as_str().unwrap());
        assert_eq!(vpc["tags"]["Project"], "orders");
        assert_eq!(in_region("Parapet::EC2::EBSEncryptionByDefault").len(), 1);
    }

    // Security services and AWS Config.
    let services = &seeded["services"];
    let trail = item(&snapshot, "AWS::CloudTrail::Trail", "management-events");
    assert_eq!(trail["configuration"]["IsMultiRegionTrail"], true);
    assert_eq!(
        trail["supplementaryConfiguration"]["TrailStatus"]["IsLogging"],
        true
    );
    let recorder = item(&snapshot, "AWS::Config::ConfigurationRecorder", "default");
    assert_eq!(recorder["configuration"]["recording"], true);
    assert_eq!(
        recorder["configuration"]["recordingGroup"]["allSupported"],
        true
    );
    let detector = item(
        &snapshot,
        "AWS::GuardDuty::Detector",
        services["detector"].as_str().unwrap(),
    );
    assert_eq!(detector["awsRegion"], "us-east-1");
    assert_eq!(detector["configuration"]["Status"], "ENABLED");
    assert_eq!(items(&snapshot, "AWS::GuardDuty::Detector").len(), 1);
    let hubs: Vec<&Value> = items(&snapshot, "AWS::SecurityHub::Hub");
    assert_eq!(hubs.len(), 1, "Security Hub is enabled in us-east-1 only");
    let key = item(
        &snapshot,
        "AWS::KMS::Key",
        services["kms_key"].as_str().unwrap(),
    );
    assert_eq!(
        key["supplementaryConfiguration"]["KeyRotationEnabled"],
        false
    );
    assert_eq!(items(&snapshot, "AWS::SecretsManager::Secret").len(), 1);
    let bucket = item(&snapshot, "AWS::S3::Bucket", "acme-cloudtrail-logs");
    assert_eq!(bucket["tags"]["Project"], "audit");

    // Cost Explorer, from the results moto was given.
    let months = items(&snapshot, "Parapet::CE::MonthlyCost");
    assert_eq!(
        months.len(),
        seeded["cost_months"].as_u64().unwrap() as usize
    );
    assert!(
        months
            .iter()
            .all(|m| m["configuration"]["Total"]["UnblendedCost"]["Amount"] == "1300.00")
    );

    // Every gap is one moto has, names the types it hides, and is reported.
    let errors = snapshot["collection_errors"].as_array().unwrap();
    assert!(!errors.is_empty());
    for error in errors {
        let key = (
            error["service"].as_str().unwrap(),
            error["operation"].as_str().unwrap(),
        );
        assert!(
            MOTO_GAPS.contains(&key),
            "unexpected collection error {error}"
        );
        assert!(
            !error["resource_types"].as_array().unwrap().is_empty(),
            "{error}"
        );
    }
    assert!(
        stderr.contains("calls failed (recorded in the snapshot"),
        "{stderr}"
    );
}

fn findings<'a>(report: &'a Value, check: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .expect("the report has findings")
        .iter()
        .filter(|f| f["check_id"] == check)
        .collect()
}

fn failed_on(report: &Value, check: &str, resource: &str) -> bool {
    findings(report, check).iter().any(|f| {
        f["status"] == "FAILED"
            && f["resource"]["id"]
                .as_str()
                .unwrap_or_default()
                .contains(resource)
    })
}

#[test]
fn a_live_scan_reports_the_seeded_violations() {
    let moto = Moto::start();
    let seeded = moto.seed(&["account"]);
    let dir = tempfile::tempdir().unwrap();
    let report_path = dir.path().join("report.json").display().to_string();
    let run = moto.parapet(
        &[
            "scan",
            "--region",
            "us-east-1",
            "--region",
            "eu-west-1",
            "--max-attempts",
            "2",
            "--format",
            "json",
            "--output",
            &report_path,
        ],
        &[],
    );
    assert_eq!(run.status.code(), Some(3), "{}", text(&run.stderr));
    let stdout = text(&run.stdout);
    assert!(stdout.contains("collection was partial"), "{stdout}");
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(&report_path).unwrap()).unwrap();
    assert_eq!(report["scan"]["account_id"], "123456789012");

    for region in REGIONS {
        let made = &seeded["regions"][region];
        let id = |k: &str| made[k].as_str().unwrap().to_owned();
        assert!(
            failed_on(&report, "vpc-sg-admin-ports-open", &id("security_group")),
            "{region}"
        );
        assert!(
            failed_on(&report, "ec2-imdsv2-required", &id("imds_v1_instance")),
            "{region}"
        );
        assert!(
            failed_on(&report, "ec2-ebs-volume-unencrypted", &id("volume")),
            "{region}"
        );
        assert!(
            failed_on(&report, "ec2-ebs-snapshot-public", &id("snapshot")),
            "{region}"
        );
        assert!(
            failed_on(&report, "cost-eip-unassociated", &id("eip")),
            "{region}"
        );
        assert!(
            failed_on(&report, "vpc-subnet-auto-public-ip", &id("subnet")),
            "{region}"
        );
    }
    assert!(failed_on(&report, "iam-password-policy", "123456789012"));
    assert!(failed_on(
        &report,
        "iam-policy-full-admin",
        "legacy-full-access"
    ));
    assert!(failed_on(
        &report,
        "iam-cross-account-trust-unguarded",
        "partner-access"
    ));
    assert!(failed_on(&report, "iam-console-user-mfa", "alice"));
    assert!(failed_on(
        &report,
        "kms-key-rotation",
        seeded["services"]["kms_key"].as_str().unwrap()
    ));
    let guardduty = findings(&report, "guardduty-enabled");
    assert!(
        guardduty.iter().any(
            |f| f["status"] == "FAILED" && f["message"].as_str().unwrap().contains("eu-west-1")
        )
    );
    assert!(
        guardduty.iter().any(
            |f| f["status"] == "PASSED" && f["message"].as_str().unwrap().contains("us-east-1")
        )
    );

    // What could not be collected is never reported as passing.
    for check in [
        "iam-access-analyzer-enabled",
        "detective-enabled",
        "cost-rightsizing",
    ] {
        let all = findings(&report, check);
        assert!(
            all.iter().any(|f| f["status"] == "NOT_AVAILABLE"),
            "{check}"
        );
        assert!(
            all.iter().all(|f| f["status"] != "PASSED"),
            "{check}: {all:?}"
        );
    }
}

#[test]
fn a_denied_service_is_recorded_and_the_rest_still_collected() {
    let moto = Moto::start();
    let seeded = moto.seed(&["account"]);
    let keys = moto.seed(&["deny", "kms"]);
    let dir = tempfile::tempdir().unwrap();
    let key = keys["access_key_id"].as_str().unwrap();
    let secret = keys["secret_access_key"].as_str().unwrap();
    let (run, snapshot) = collect(
        &moto,
        &dir,
        &[
            ("AWS_ACCESS_KEY_ID", key),
            ("AWS_SECRET_ACCESS_KEY", secret),
        ],
    );
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(3), "{stderr}");
    let errors = snapshot["collection_errors"].as_array().unwrap();
    for region in REGIONS {
        let denied = errors
            .iter()
            .find(|e| e["service"] == "kms" && e["region"] == region)
            .unwrap_or_else(|| panic!("no kms error in {region}: {errors:?}"));
        assert_eq!(denied["code"], "AccessDenied", "{denied}");
        assert_eq!(denied["operation"], "ListKeys");
        assert_eq!(
            denied["resource_types"],
            serde_json::json!(["AWS::KMS::Key"])
        );
        let instances = items(&snapshot, "AWS::EC2::Instance")
            .into_iter()
            .filter(|i| i["awsRegion"] == region)
            .count();
        assert_eq!(
            instances,
            seeded["regions"][region]["instances"]
                .as_array()
                .unwrap()
                .len()
        );
    }
    assert!(items(&snapshot, "AWS::KMS::Key").is_empty());
    assert!(stderr.contains("allow kms:ListKeys"), "{stderr}");

    // The rotation check says it could not tell; it never passes.
    let snapshot_path = dir.path().join("snapshot.json").display().to_string();
    let report_path = dir.path().join("report.json").display().to_string();
    let scan = common::parapet(&[
        "scan",
        "--snapshot",
        &snapshot_path,
        "--check",
        "kms-key-rotation",
        "--format",
        "json",
        "--output",
        &report_path,
    ]);
    assert_eq!(scan.status.code(), Some(3), "{}", text(&scan.stderr));
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(&report_path).unwrap()).unwrap();
    let rotation = findings(&report, "kms-key-rotation");
    assert!(!rotation.is_empty());
    assert!(
        rotation.iter().all(|f| f["status"] == "NOT_AVAILABLE"),
        "{rotation:?}"
    );
}

#[test]
fn an_unreachable_service_is_recorded_as_such() {
    let moto = Moto::start();
    moto.seed(&["account"]);
    let dir = tempfile::tempdir().unwrap();
    // Nothing listens on port 9 of loopback.
    let (run, snapshot) = collect(
        &moto,
        &dir,
        &[("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:9")],
    );
    assert_eq!(run.status.code(), Some(3), "{}", text(&run.stderr));
    let errors = snapshot["collection_errors"].as_array().unwrap();
    let unreachable: Vec<&Value> = errors
        .iter()
        .filter(|e| e["service"] == "secretsmanager")
        .collect();
    assert_eq!(unreachable.len(), 2, "{errors:?}");
    assert!(
        unreachable.iter().all(|e| e["code"] == "Unreachable"),
        "{unreachable:?}"
    );
    assert!(!items(&snapshot, "AWS::EC2::Instance").is_empty());
}

#[test]
fn without_credentials_collection_stops_with_what_to_do() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let (run, _) = collect(
        &moto,
        &dir,
        &[("AWS_ACCESS_KEY_ID", ""), ("AWS_SECRET_ACCESS_KEY", "")],
    );
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot find out which account"), "{stderr}");
    assert!(stderr.contains("--profile"), "{stderr}");
    assert!(!dir.path().join("snapshot.json").exists());
}

#[test]
fn bad_collection_options_are_refused() {
    for (args, expected) in [
        (
            &["collect", "--region", "mars-1"][..],
            "\"mars-1\" is not a region name",
        ),
        (
            &["collect", "--region", "all", "--region", "us-east-1"][..],
            "--region all",
        ),
        (&["collect", "--org", "--shard", "3/2"][..], "shard \"3/2\""),
        (&["collect", "--concurrency", "0"][..], "--concurrency 0"),
    ] {
        let run = common::parapet(args);
        let stderr = text(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

fn snapshot_accounts(dir: &std::path::Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("the snapshot directory")
        .map(|entry| {
            let path = entry.expect("a directory entry").path();
            let snapshot: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).expect("a snapshot"))
                    .expect("snapshot JSON");
            let account = snapshot["account_id"]
                .as_str()
                .expect("an account id")
                .to_owned();
            assert_eq!(
                path.file_name().and_then(|n| n.to_str()),
                Some(format!("{account}.json").as_str())
            );
            account
        })
        .collect()
}

#[test]
fn an_organization_is_collected_per_account_and_shards_split_it() {
    let moto = Moto::start();
    let seeded = moto.seed(&["organization"]);
    let management = seeded["management"].as_str().unwrap();
    let members: Vec<&str> = seeded["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    let everyone: BTreeSet<String> = members
        .iter()
        .copied()
        .chain([management])
        .map(str::to_owned)
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let all_dir = dir.path().join("all");
    let all = all_dir.display().to_string();
    let base = [
        "collect",
        "--org",
        "--region",
        "us-east-1",
        "--no-cost",
        "--max-attempts",
        "2",
    ];
    let run = moto.parapet(&[&base[..], &["--output", &all]].concat(), &[]);
    assert!(
        matches!(run.status.code(), Some(0 | 3)),
        "{}",
        text(&run.stderr)
    );
    assert_eq!(snapshot_accounts(&all_dir), everyone);

    // Each member's snapshot holds its own resources, read through the role.
    for member in &members {
        let snapshot: Value = serde_json::from_str(
            &std::fs::read_to_string(all_dir.join(format!("{member}.json"))).unwrap(),
        )
        .unwrap();
        let vpc = seeded["vpcs"][member].as_str().unwrap();
        assert!(
            items(&snapshot, "AWS::EC2::VPC")
                .iter()
                .any(|v| v["resourceId"] == vpc)
        );
        assert!(
            items(&snapshot, "AWS::EC2::VPC")
                .iter()
                .all(|v| v["accountId"] == *member)
        );
    }
    // The management account sees the members and the SCPs in force.
    let management_snapshot: Value = serde_json::from_str(
        &std::fs::read_to_string(all_dir.join(format!("{management}.json"))).unwrap(),
    )
    .unwrap();
    let listed = items(&management_snapshot, "Parapet::Organizations::Account");
    assert_eq!(listed.len(), members.len(), "members only: {listed:?}");
    let guarded = item(
        &management_snapshot,
        "Parapet::Organizations::Account",
        seeded["guarded"].as_str().unwrap(),
    );
    let policies = guarded["supplementaryConfiguration"]["EffectivePolicies"].to_string();
    assert!(
        policies.contains("deny-leaving-org") && policies.contains("FullAWSAccess"),
        "{policies}"
    );

    // Two shards cover every account exactly once.
    let mut seen = BTreeSet::new();
    let mut reports = Vec::new();
    for shard in ["1/2", "2/2"] {
        let shard_dir = dir.path().join(shard.replace('/', "-of-"));
        let out = shard_dir.display().to_string();
        let run = moto.parapet(
            &[&base[..], &["--shard", shard, "--output", &out]].concat(),
            &[],
        );
        assert!(
            matches!(run.status.code(), Some(0 | 3)),
            "{}",
            text(&run.stderr)
        );
        let accounts = snapshot_accounts(&shard_dir);
        assert!(
            seen.is_disjoint(&accounts),
            "{shard}: {accounts:?} already in {seen:?}"
        );
        seen.extend(accounts);

        // And a live scan of the shard, for merging below.
        let report = dir
            .path()
            .join(format!("report-{}.json", shard.replace('/', "-of-")));
        let report_text = report.display().to_string();
        let base_scan = [
            "scan",
            "--org",
            "--region",
            "us-east-1",
            "--no-cost",
            "--max-attempts",
            "2",
            "-q",
        ];
        let run = moto.parapet(
            &[
                &base_scan[..],
                &["--shard", shard, "--output", &report_text],
            ]
            .concat(),
            &[],
        );
        assert!(
            matches!(run.status.code(), Some(0 | 3)),
            "{}",
            text(&run.stderr)
        );
        reports.push(report_text);
    }
    assert_eq!(seen, everyone);

    let merged = dir.path().join("merged.json").display().to_string();
    let run = common::parapet(
        &[
            &["merge"][..],
            &reports.iter().map(String::as_str).collect::<Vec<_>>(),
            &["--output", &merged],
        ]
        .concat(),
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    let merged: Value = serde_json::from_str(&std::fs::read_to_string(&merged).unwrap()).unwrap();
    let accounts: BTreeSet<String> = merged["Findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["AwsAccountId"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(accounts, everyone);
}
