//! The parapet snapshot: one AWS account's configuration, as the host reads it
//! and as plugins see it.
//!
//! A snapshot is a versioned JSON document ([`Snapshot`]) whose resources are
//! AWS Config configuration items ([`ConfigurationItem`]). The host parses it
//! once ([`Snapshot::from_json`]), indexes it by resource type
//! ([`SnapshotIndex`]) and hands plugins only the types they ask for. The
//! [`types`] module gives typed views of common resources' `configuration`.
//!
//! The JSON Schema of the document is kept in `snapshot.schema.json` next to
//! this crate (regenerate with `PARAPET_BLESS=1 cargo test -p parapet-snapshot`).

mod document;
pub mod fixture;
mod index;
mod parse;
#[cfg(feature = "schema")]
mod schema;
pub mod types;

pub use document::{CollectionError, ConfigurationItem, SCHEMA_VERSION, Snapshot, service_of};
pub use index::SnapshotIndex;
pub use parse::SnapshotError;
#[cfg(feature = "schema")]
pub use schema::json_schema;
