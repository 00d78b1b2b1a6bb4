//! Reading a snapshot, with errors that say where the document went wrong.

use std::path::{Path, PathBuf};

use serde_json::error::Category;

use crate::Snapshot;

/// Why a snapshot could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SnapshotError {
    /// The file could not be read.
    #[error("cannot read snapshot '{path}'")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The document is not a valid snapshot.
    #[error("snapshot '{origin}' {problem}")]
    Invalid {
        /// The file, or `<input>` for text not read from a file.
        origin: String,
        /// What is wrong and where, ending with what to do.
        problem: String,
    },
}

impl Snapshot {
    /// Reads and parses the snapshot at `path`.
    pub fn load(path: &Path) -> Result<Self, SnapshotError> {
        let text = std::fs::read_to_string(path).map_err(|source| SnapshotError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Parses a snapshot from JSON text.
    pub fn from_json(text: &str) -> Result<Self, SnapshotError> {
        Self::parse(text, "<input>")
    }

    fn parse(text: &str, origin: &str) -> Result<Self, SnapshotError> {
        serde_json::from_str(text).map_err(|error| SnapshotError::Invalid {
            origin: origin.to_owned(),
            problem: describe(&error),
        })
    }
}

fn describe(error: &serde_json::Error) -> String {
    let (line, column) = (error.line(), error.column());
    match error.classify() {
        Category::Eof => format!(
            "ends too early (line {line}, column {column}): the file looks truncated; \
             collect it again or restore a complete copy"
        ),
        Category::Syntax => format!(
            "is not valid JSON at line {line}, column {column}: {}",
            strip_position(error)
        ),
        Category::Data => format!(
            "does not match the snapshot format at line {line}, column {column}: {}; \
             see sdk/snapshot/snapshot.schema.json",
            strip_position(error)
        ),
        Category::Io => format!("could not be read: {error}"),
    }
}

/// serde_json appends " at line L column C" to its messages; we say it once, up front.
fn strip_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}
