//! Reading snapshots: what parses, and what each kind of bad input says.

use std::path::Path;

use parapet_snapshot::{Snapshot, SnapshotError};

#[test]
fn the_demo_snapshot_parses() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/snapshots/demo.json");
    let snapshot = Snapshot::load(&path).unwrap();
    assert_eq!(snapshot.account_id, "123456789012");
    assert!(snapshot.resources.len() > 40);
}

fn problem(text: &str) -> String {
    match Snapshot::from_json(text) {
        Err(SnapshotError::Invalid { problem, .. }) => problem,
        other => panic!("expected an invalid snapshot, got {other:?}"),
    }
}

const VALID: &str = r#"{"schema_version": 1, "account_id": "123456789012", "regions": ["us-east-1"],
  "collected_at": "2026-11-30T06:00:00Z", "resources": []}"#;

#[test]
fn a_minimal_snapshot_parses_with_defaults() {
    let snapshot = Snapshot::from_json(VALID).unwrap();
    assert_eq!(snapshot.partition, "aws");
    assert!(snapshot.collection_errors.is_empty());
}

#[test]
fn truncated_files_are_called_truncated() {
    let text = problem(&VALID[..VALID.len() / 2]);
    assert!(text.contains("truncated"), "{text}");
}

#[test]
fn invalid_json_names_the_position() {
    let text = problem(r#"{"schema_version": 1,, }"#);
    assert!(
        text.contains("not valid JSON at line 1, column 22"),
        "{text}"
    );
}

#[test]
fn other_schema_versions_are_refused_with_both_versions() {
    let text = problem(&VALID.replace(r#""schema_version": 1"#, r#""schema_version": 7"#));
    assert!(
        text.contains("unsupported schema_version 7") && text.contains("version 1"),
        "{text}"
    );
}

#[test]
fn wrong_types_name_the_field() {
    let text = problem(&VALID.replace(r#""regions": ["us-east-1"]"#, r#""regions": "us-east-1""#));
    assert!(
        text.contains("does not match the snapshot format") && text.contains("sequence"),
        "{text}"
    );
    let text = problem(&VALID.replace(
        r#""resources": []"#,
        r#""resources": [{"resourceId": "x"}]"#,
    ));
    assert!(text.contains("missing field `resourceType`"), "{text}");
}

#[test]
fn unknown_top_level_fields_are_refused() {
    let text = problem(&VALID.replace(r#""regions""#, r#""region": "x", "regions""#));
    assert!(text.contains("unknown field `region`"), "{text}");
}
