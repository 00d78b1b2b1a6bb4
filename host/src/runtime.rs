//! The wasmtime side: one engine, components compiled once and
//! pre-instantiated, a fresh sandboxed store per plugin run.

mod bindings;
mod cache;
mod limits;
mod plugin;
mod state;
mod validate;
mod version;

use std::sync::Arc;
use std::thread;
use std::time::Duration;

use wasmtime::component::{HasSelf, Linker};
use wasmtime::{Config, Engine};

pub use plugin::{CheckRun, LoadedPlugin, PluginRun};
pub(crate) use state::ScanData;

/// How often the epoch ticks; deadlines are counted in ticks.
const EPOCH_TICK: Duration = Duration::from_millis(10);

/// What one plugin may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock time for all of a plugin's checks together.
    pub timeout: Duration,
    /// Total bytes of all the plugin's linear memories.
    pub memory_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            memory_bytes: 256 << 20,
        }
    }
}

/// Why the runtime could not start.
#[derive(Debug, thiserror::Error)]
#[error("cannot start the WebAssembly runtime: {0}")]
pub struct RuntimeError(String);

/// The engine and linker every plugin shares.
pub struct Runtime {
    engine: Engine,
    linker: Linker<state::HostState>,
    cache: Option<cache::ComponentCache>,
}

impl Runtime {
    /// Creates the engine, starts its epoch ticker and links WASI and the
    /// host interface.
    pub fn new() -> Result<Self, RuntimeError> {
        let mut config = Config::new();
        config.epoch_interruption(true);
        // Enough frames to place a trap in the plugin's code; the rest is noise.
        config.wasm_backtrace_max_frames(std::num::NonZeroUsize::new(16));
        let engine = Engine::new(&config).map_err(|e| RuntimeError(e.to_string()))?;

        // A weak handle, so the ticker ends when the last engine is dropped.
        let weak = engine.weak();
        thread::Builder::new()
            .name("parapet-epoch".to_owned())
            .spawn(move || {
                while let Some(engine) = weak.upgrade() {
                    engine.increment_epoch();
                    drop(engine);
                    thread::sleep(EPOCH_TICK);
                }
            })
            .map_err(|e| RuntimeError(format!("cannot start the epoch ticker: {e}")))?;

        let mut linker = Linker::new(&engine);
        // All of WASI p2 is linked, but the context is empty: no files, no
        // environment, no sockets. Plugins built by ordinary toolchains
        // import these interfaces even when they never use them.
        wasmtime_wasi::p2::add_to_linker_sync(&mut linker)
            .map_err(|e| RuntimeError(e.to_string()))?;
        bindings::Plugin::add_to_linker::<_, HasSelf<_>>(&mut linker, |state| state)
            .map_err(|e| RuntimeError(e.to_string()))?;
        Ok(Self {
            engine,
            linker,
            cache: None,
        })
    }

    /// Keeps compiled components in `dir` from now on. A directory that
    /// cannot be used safely is an error; the runtime then works without.
    pub fn use_cache(&mut self, dir: &std::path::Path) -> Result<(), RuntimeError> {
        self.cache = Some(cache::ComponentCache::open(dir, &self.engine).map_err(RuntimeError)?);
        Ok(())
    }

    /// Compiles `bytes`, or loads the compiled form from the cache.
    fn compile(&self, bytes: &[u8]) -> wasmtime::Result<wasmtime::component::Component> {
        if let Some(component) = self
            .cache
            .as_ref()
            .and_then(|cache| cache.load(&self.engine, bytes))
        {
            return Ok(component);
        }
        let component = wasmtime::component::Component::new(&self.engine, bytes)?;
        if let Some(cache) = &self.cache {
            // A failed write costs the next run a compilation, nothing more.
            let _ = cache.store(bytes, &component);
        }
        Ok(component)
    }

    /// Compiles and pre-instantiates a component, then asks for its metadata.
    ///
    /// `source` names the plugin in messages (`builtin:iam`, a file path);
    /// `data_dir`, when given, is readable by the plugin as `/data`.
    pub fn load(
        &self,
        source: &str,
        bytes: &[u8],
        limits: Limits,
        data_dir: Option<&std::path::Path>,
    ) -> Result<LoadedPlugin, LoadError> {
        LoadedPlugin::load(self, source, bytes, limits, data_dir)
    }
}

/// Why a plugin could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Not a valid component, or it imports what the host does not provide.
    #[error("cannot load plugin '{source_name}': {reason}")]
    Component { source_name: String, reason: String },
    /// Its metadata call failed or the metadata is not valid.
    #[error("plugin '{source_name}' has invalid metadata: {reason}")]
    Metadata { source_name: String, reason: String },
}

fn ticks(duration: Duration) -> u64 {
    let ticks = duration.as_millis() / EPOCH_TICK.as_millis();
    u64::try_from(ticks).unwrap_or(u64::MAX).max(1)
}

/// Shared between loading and running: a store with limits and a deadline.
fn new_store(
    runtime_engine: &Engine,
    scan: Arc<ScanData>,
    settings: Arc<str>,
    limits: Limits,
    data_dir: Option<&std::path::Path>,
    remaining: Duration,
) -> Result<wasmtime::Store<state::HostState>, String> {
    let state = state::HostState::new(scan, settings, limits.memory_bytes, data_dir)?;
    let mut store = wasmtime::Store::new(runtime_engine, state);
    store.limiter(|state| &mut state.budget);
    // A store with epochs on and no deadline would trap at once.
    store.set_epoch_deadline(ticks(remaining));
    Ok(store)
}
