//! `docs/checks.md` is generated from the built-in plugins' metadata; this
//! test keeps it in sync (`PARAPET_BLESS=1` rewrites it).

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a panic is the failure report"
)]

use std::path::Path;
use std::process::Command;

fn checks_list(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_parapet"))
        .args(["checks", "list"])
        .args(args)
        .env(
            "PARAPET_CACHE_DIR",
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("component-cache"),
        )
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_checks_reference_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/checks.md");
    let generated = checks_list(&["--markdown"]);
    if std::env::var_os("PARAPET_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "docs/checks.md is out of date; regenerate it with PARAPET_BLESS=1 cargo test -p parapet --test docs"
    );
    assert!(generated.contains("### `iam-root-mfa`") && generated.contains("#### Why it matters"));
}

#[test]
fn checks_list_filters_by_plugin_pillar_framework_and_severity() {
    let ids = |args: &[&str]| -> Vec<String> {
        checks_list(args)
            .lines()
            .map(|l| l.split_whitespace().next().unwrap().to_owned())
            .collect()
    };
    let iam = ids(&["--plugin-id", "iam"]);
    assert_eq!(iam.len(), 18);
    assert!(iam.iter().all(|id| id.starts_with("iam-")));

    let critical = ids(&["--severity", "critical"]);
    assert!(
        critical.contains(&"iam-root-mfa".to_owned())
            && !critical.contains(&"vpc-nacl-unused".to_owned())
    );

    let cis = ids(&["--framework", "cis-aws-3.0"]);
    assert!(cis.contains(&"vpc-sg-admin-ports-open".to_owned()));
    assert!(
        !cis.contains(&"vpc-sg-too-many-rules".to_owned()),
        "a check without a CIS mapping"
    );

    let ops = ids(&["--pillar", "operational-excellence"]);
    assert!(
        ops.contains(&"vpc-nacl-unused".to_owned()) && !ops.contains(&"iam-root-mfa".to_owned())
    );
}
