//! The checked-in JSON Schema must match the Rust types.

use std::path::Path;

use parapet_snapshot::json_schema;

#[test]
fn checked_in_schema_matches_the_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshot.schema.json");
    let generated = json_schema();
    if std::env::var_os("PARAPET_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{} is out of date; regenerate it with PARAPET_BLESS=1 cargo test -p parapet-snapshot",
        path.display()
    );
}
