//! Compiled components on disk, so a plugin is compiled once per machine
//! rather than once per run (a Python component takes seconds to compile).
//!
//! An entry's name is the component's sha256 plus a digest of the engine's
//! compatibility hash (which covers the wasmtime version and every compiler
//! setting) and parapet's version: a new wasmtime, new settings or a new
//! parapet never meet an old entry. Each entry ends with the sha256 of what
//! precedes it; an entry whose digest does not match, or that wasmtime does
//! not recognise, is compiled again and overwritten, never loaded.
//!
//! Loading an entry runs native code from it, so the cache directory must
//! belong to the user and be closed to everyone else; a directory that is
//! not is not used.

use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use wasmtime::component::Component;
use wasmtime::{Engine, Precompiled};

const DIGEST_LEN: usize = 32;

/// A directory of compiled components for one engine configuration.
#[derive(Debug)]
pub(crate) struct ComponentCache {
    dir: PathBuf,
    engine_key: String,
}

impl ComponentCache {
    /// Opens (creating if needed) the cache at `dir` for `engine`.
    pub(crate) fn open(dir: &Path, engine: &Engine) -> Result<Self, String> {
        create_private_dir(dir)
            .map_err(|e| format!("cannot use component cache '{}': {e}", dir.display()))?;
        let mut hasher = DigestHasher(Sha256::new());
        engine.precompile_compatibility_hash().hash(&mut hasher);
        env!("CARGO_PKG_VERSION").hash(&mut hasher);
        let engine_key = hex(&hasher.0.finalize()[..8]);
        Ok(Self {
            dir: dir.to_owned(),
            engine_key,
        })
    }

    fn entry(&self, wasm: &[u8]) -> PathBuf {
        self.dir.join(format!(
            "{}-{}.cwasm",
            hex(&Sha256::digest(wasm)),
            self.engine_key
        ))
    }

    /// The compiled form of `wasm`, if a sound entry exists.
    pub(crate) fn load(&self, engine: &Engine, wasm: &[u8]) -> Option<Component> {
        let bytes = std::fs::read(self.entry(wasm)).ok()?;
        let artifact = verified(&bytes)?;
        if Engine::detect_precompiled(artifact) != Some(Precompiled::Component) {
            return None;
        }
        // SAFETY: `artifact` is a component this host compiled and wrote into
        // a directory only this user can write (checked by `open`), and its
        // trailing digest matches, so it is the bytes `store` wrote.
        // wasmtime further checks that it was compiled by this version with
        // this configuration before using it.
        #[allow(
            unsafe_code,
            reason = "loading our own precompiled component; see SAFETY"
        )]
        let component = unsafe { Component::deserialize(engine, artifact) };
        component.ok()
    }

    /// Saves `component` (compiled from `wasm`) atomically; failures only
    /// cost the next run a compilation, so they are returned for logging.
    pub(crate) fn store(&self, wasm: &[u8], component: &Component) -> Result<(), String> {
        let mut bytes = component.serialize().map_err(|e| e.to_string())?;
        let digest = Sha256::digest(&bytes);
        bytes.extend_from_slice(&digest);
        let mut file = tempfile::NamedTempFile::new_in(&self.dir).map_err(|e| e.to_string())?;
        file.write_all(&bytes).map_err(|e| e.to_string())?;
        file.persist(self.entry(wasm)).map_err(|e| e.to_string())?;
        Ok(())
    }
}

/// The artifact without its trailing digest, if the digest matches.
fn verified(bytes: &[u8]) -> Option<&[u8]> {
    let split = bytes.len().checked_sub(DIGEST_LEN)?;
    let (artifact, digest) = bytes.split_at(split);
    (Sha256::digest(artifact).as_slice() == digest).then_some(artifact)
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let metadata = std::fs::metadata(dir)?;
        // SAFETY-free check: geteuid is not in std, so compare with a file we create.
        let probe = tempfile::tempfile_in(dir)?;
        let mine = probe.metadata()?.uid();
        if metadata.uid() != mine {
            return Err(std::io::Error::other("it belongs to another user"));
        }
        if metadata.mode() & 0o022 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Feeds a `Hash` into sha256, so the key is stable across runs.
struct DigestHasher(Sha256);

impl Hasher for DigestHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    fn finish(&self) -> u64 {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_with_a_wrong_digest_is_not_trusted() {
        let mut bytes = b"artifact".to_vec();
        bytes.extend_from_slice(&Sha256::digest(b"artifact"));
        assert_eq!(verified(&bytes), Some(&b"artifact"[..]));
        bytes[0] ^= 1;
        assert_eq!(verified(&bytes), None);
        assert_eq!(verified(b"short"), None);
    }
}
