//! JSON Schema of the snapshot document, generated from the Rust types.

use crate::Snapshot;

/// The JSON Schema (draft 2020-12) of [`Snapshot`], pretty-printed.
#[must_use]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Snapshot);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
