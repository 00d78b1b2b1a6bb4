//! Writing report files atomically: readers see the old file or the whole
//! new one, never a half-written report.

use std::io::Write;
use std::path::Path;

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write '{path}': {source}")]
pub struct WriteError {
    path: String,
    #[source]
    source: std::io::Error,
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, then renames
/// it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// Like [`write_atomically`], with the content streamed by `write` into a
/// buffered temporary file. Nothing replaces `path` unless `write` succeeds.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let error = |source| WriteError {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".parapet-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(error)?;
    {
        let mut out = std::io::BufWriter::new(file.as_file_mut());
        write(&mut out).map_err(error)?;
        out.flush().map_err(error)?;
    }
    file.as_file().sync_all().map_err(error)?;
    // Temporary files are private (0600); a report is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(error)?;
    }
    file.persist(path).map_err(|e| error(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        let result = write_atomically_with(&path, |out| {
            out.write_all(b"half a rep")?;
            Err(std::io::Error::other("serializer gave up"))
        });
        assert!(
            result
                .unwrap_err()
                .to_string()
                .contains("serializer gave up")
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "the temporary file is removed"
        );
    }

    #[test]
    fn names_the_path_it_could_not_write() {
        let error = write_atomically(Path::new("/nonexistent-dir/report.json"), b"x").unwrap_err();
        assert!(
            error.to_string().contains("/nonexistent-dir/report.json"),
            "{error}"
        );
    }
}
