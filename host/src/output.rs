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

impl WriteError {
    /// An error writing `what` (a path, or "standard output").
    #[must_use]
    pub fn new(what: &str, source: std::io::Error) -> Self {
        Self {
            path: what.to_owned(),
            source,
        }
    }
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
    let mut file = AtomicFile::create(path)?;
    write(&mut file).map_err(|source| file.error(source))?;
    file.commit()
}

/// A file written beside its final path and renamed over it on
/// [`AtomicFile::commit`]; dropped uncommitted, it leaves no trace and the
/// old file as it was.
pub struct AtomicFile {
    path: std::path::PathBuf,
    out: std::io::BufWriter<tempfile::NamedTempFile>,
}

impl AtomicFile {
    /// Starts writing `path`.
    ///
    /// # Errors
    /// When no temporary file can be created in `path`'s directory.
    pub fn create(path: &Path) -> Result<Self, WriteError> {
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let file = tempfile::Builder::new()
            .prefix(".parapet-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|source| WriteError {
                path: path.display().to_string(),
                source,
            })?;
        Ok(Self {
            path: path.to_owned(),
            out: std::io::BufWriter::new(file),
        })
    }

    /// The error of writing this file.
    #[must_use]
    pub fn error(&self, source: std::io::Error) -> WriteError {
        WriteError {
            path: self.path.display().to_string(),
            source,
        }
    }

    /// Flushes, syncs and renames the file into place.
    ///
    /// # Errors
    /// When any of those fails; `path` is then left as it was.
    pub fn commit(self) -> Result<(), WriteError> {
        let path = self.path;
        let error = |source| WriteError {
            path: path.display().to_string(),
            source,
        };
        let file = self.out.into_inner().map_err(|e| error(e.into_error()))?;
        file.as_file().sync_all().map_err(error)?;
        // Temporary files are private (0600); a report is an ordinary file.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            file.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644))
                .map_err(error)?;
        }
        file.persist(&path).map_err(|e| error(e.error))?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
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
