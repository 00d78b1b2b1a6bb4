//! `docs/permissions/parapet-collector-policy.json` promises exactly the
//! actions the collector calls: no fewer (a scan would hit AccessDenied),
//! no more (a read-only policy should grant nothing unused). This test reads
//! the collector's source for every AWS SDK operation it sends and compares.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a panic is the failure report"
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// IAM actions whose name differs from the API operation they authorize.
const ACTION_FOR_OPERATION: &[(&str, &str)] = &[
    ("s3:GetAccountPublicAccessBlock", "GetPublicAccessBlock"),
    ("budgets:ViewBudget", "DescribeBudgets"),
];

/// SDK operations are sent as `client.describe_vpcs()...`: a verb-led
/// snake-case method called with no arguments right after a `.`.
const VERBS: &[&str] = &["describe_", "list_", "get_", "batch_", "generate_"];

fn normalized(operation: &str) -> String {
    operation
        .chars()
        .filter(|c| *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

fn operations_in(source: &str) -> BTreeSet<String> {
    let mut operations = BTreeSet::new();
    for (dot, _) in source.match_indices('.') {
        let rest = source[dot + 1..].trim_start();
        if !VERBS.iter().any(|verb| rest.starts_with(verb)) {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
            .collect();
        if rest[name.len()..].starts_with("()") {
            operations.insert(normalized(&name));
        }
    }
    operations
}

fn collector_operations() -> BTreeSet<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("collect/src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut operations = BTreeSet::new();
    let mut assumes_roles = false;
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        operations.extend(operations_in(&source));
        assumes_roles |= source.contains("AssumeRoleProvider");
    }
    if assumes_roles {
        operations.insert(normalized("AssumeRole"));
    }
    operations
}

fn policy_operations() -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs/permissions/parapet-collector-policy.json");
    let policy: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut operations = BTreeSet::new();
    for statement in policy["Statement"].as_array().unwrap() {
        assert_eq!(statement["Effect"], "Allow");
        for action in statement["Action"].as_array().unwrap() {
            let action = action.as_str().unwrap();
            assert!(
                !action.contains('*'),
                "{action}: name each action, no wildcards"
            );
            let operation = ACTION_FOR_OPERATION
                .iter()
                .find(|(a, _)| *a == action)
                .map_or_else(|| action.split_once(':').unwrap().1, |(_, op)| *op);
            assert!(
                operations.insert(normalized(operation)),
                "{action} is listed twice"
            );
        }
    }
    operations
}

#[test]
fn the_collector_policy_grants_exactly_the_operations_the_collector_calls() {
    let called = collector_operations();
    let granted = policy_operations();
    assert!(
        called.len() > 60,
        "the source scan found too little: {called:?}"
    );
    let missing: Vec<_> = called.difference(&granted).collect();
    let unused: Vec<_> = granted.difference(&called).collect();
    assert!(
        missing.is_empty() && unused.is_empty(),
        "docs/permissions/parapet-collector-policy.json is out of step with host/collect/src:\n\
         called but not granted: {missing:?}\ngranted but never called: {unused:?}"
    );
}

#[test]
fn the_operation_scan_reads_chained_and_wrapped_calls() {
    let source = "client\n    .describe_vpcs()\n    .send();\nlet x = y.get_ec2_instance_recommendations().send();\nz.list_keys(a);";
    let found: Vec<_> = operations_in(source).into_iter().collect();
    assert_eq!(found, ["describevpcs", "getec2instancerecommendations"]);
}
