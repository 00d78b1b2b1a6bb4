//! What a plugin's store holds, and the host functions plugins import.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, RwLock};

use parapet_snapshot::{Snapshot, SnapshotIndex};
use wasmtime::component::ResourceTable;
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{FsPerms, WasiCtx, WasiCtxView, WasiView};

use super::bindings::{Host, wit};
use super::limits::MemoryBudget;
use crate::model::{LogLevel, LogLine};

/// Where a plugin sees its read-only data directory.
pub(crate) const DATA_DIR: &str = "/data";

/// How much of a plugin's stdout or stderr the host keeps; writing more traps.
const CAPTURE_BYTES: usize = 1 << 20;

/// The snapshot as plugins see it: parsed once, indexed by type, each type
/// rendered to JSON on first request and shared by every plugin after that.
pub(crate) struct ScanData {
    index: SnapshotIndex,
    rendered: RwLock<HashMap<String, Arc<Vec<String>>>>,
}

impl ScanData {
    pub(crate) fn new(index: SnapshotIndex) -> Self {
        Self {
            index,
            rendered: RwLock::default(),
        }
    }

    /// No resources at all: what plugins see while the host reads their metadata.
    pub(crate) fn empty() -> Self {
        Self::new(SnapshotIndex::new(Snapshot {
            schema_version: parapet_snapshot::SCHEMA_VERSION,
            account_id: String::new(),
            partition: "aws".to_owned(),
            regions: Vec::new(),
            collected_at: jiff::Timestamp::UNIX_EPOCH,
            collection_errors: Vec::new(),
            resources: Vec::new(),
        }))
    }

    pub(crate) fn index(&self) -> &SnapshotIndex {
        &self.index
    }

    fn rendered(&self, resource_type: &str) -> Arc<Vec<String>> {
        if let Some(done) = self
            .rendered
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(resource_type)
        {
            return Arc::clone(done);
        }
        let texts: Vec<String> = self
            .index
            .resources(resource_type)
            .map(|item| serde_json::to_string(item).unwrap_or_default())
            .collect();
        let texts = Arc::new(texts);
        self.rendered
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .entry(resource_type.to_owned())
            .or_insert(texts)
            .clone()
    }
}

/// One store's state: an empty WASI context, the memory budget, the scan.
pub(crate) struct HostState {
    wasi: WasiCtx,
    table: ResourceTable,
    pub(crate) budget: MemoryBudget,
    scan: Arc<ScanData>,
    settings: Arc<str>,
    pub(crate) logs: Vec<LogLine>,
    stdout: MemoryOutputPipe,
    stderr: MemoryOutputPipe,
}

impl HostState {
    /// A fresh state; `data_dir`, when given, is the one directory the
    /// plugin may read, as `/data`.
    pub(crate) fn new(
        scan: Arc<ScanData>,
        settings: Arc<str>,
        memory_limit: usize,
        data_dir: Option<&Path>,
    ) -> Result<Self, String> {
        let stdout = MemoryOutputPipe::new(CAPTURE_BYTES);
        let stderr = MemoryOutputPipe::new(CAPTURE_BYTES);
        // No environment, no arguments, no stdin, no sockets and no name
        // lookup, and no directory but a read-only data directory when the
        // user grants one: the plugin reaches only the host's functions below.
        let mut builder = WasiCtx::builder();
        builder
            .stdout(stdout.clone())
            .stderr(stderr.clone())
            .allow_tcp(false)
            .allow_udp(false)
            .allow_ip_name_lookup(false);
        if let Some(dir) = data_dir {
            builder
                .preopened_dir(dir, DATA_DIR, FsPerms::ReadOnly)
                .map_err(|e| {
                    format!("cannot open its data directory '{}': {e:#}", dir.display())
                })?;
        }
        let wasi = builder.build();
        Ok(Self {
            wasi,
            table: ResourceTable::new(),
            budget: MemoryBudget::new(memory_limit),
            scan,
            settings,
            logs: Vec::new(),
            stdout,
            stderr,
        })
    }

    /// The plugin's last words on stderr (a Rust panic message lands there),
    /// without the runtime's advice about backtraces.
    pub(crate) fn stderr_tail(&self) -> Option<String> {
        let text = self.stderr.contents();
        let text = String::from_utf8_lossy(&text);
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("note: run with `RUST_BACKTRACE"))
            .collect();
        let tail = lines[lines.len().saturating_sub(2)..].join(" ");
        (!tail.is_empty()).then_some(tail)
    }

    /// Everything logged so far, stdout and stderr included (as info and warn).
    pub(crate) fn take_logs(&mut self) -> Vec<LogLine> {
        let mut logs = std::mem::take(&mut self.logs);
        for (pipe, level) in [
            (&self.stdout, LogLevel::Info),
            (&self.stderr, LogLevel::Warn),
        ] {
            let text = pipe.contents();
            logs.extend(String::from_utf8_lossy(&text).lines().map(|line| LogLine {
                level,
                message: line.to_owned(),
            }));
        }
        logs
    }
}

impl WasiView for HostState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

impl wit::Host for HostState {}

impl Host for HostState {
    fn log(&mut self, level: wit::LogLevel, message: String) {
        let level = match level {
            wit::LogLevel::Trace => LogLevel::Trace,
            wit::LogLevel::Debug => LogLevel::Debug,
            wit::LogLevel::Info => LogLevel::Info,
            wit::LogLevel::Warn => LogLevel::Warn,
            wit::LogLevel::Error => LogLevel::Error,
        };
        self.logs.push(LogLine { level, message });
    }

    fn context(&mut self) -> wit::ScanContext {
        let snapshot = self.scan.index().snapshot();
        wit::ScanContext {
            account_id: snapshot.account_id.clone(),
            partition: snapshot.partition.clone(),
            regions: snapshot.regions.clone(),
            collected_at: snapshot.collected_at.to_string(),
        }
    }

    fn resources(&mut self, resource_type: String) -> Vec<String> {
        self.scan.rendered(&resource_type).as_ref().clone()
    }

    fn collection_errors(&mut self, resource_type: String) -> Vec<wit::CollectionError> {
        self.scan
            .index()
            .collection_errors(&resource_type)
            .map(|e| wit::CollectionError {
                service: e.service.clone(),
                region: e.region.clone(),
                operation: e.operation.clone(),
                code: e.code.clone(),
                message: e.message.clone(),
            })
            .collect()
    }

    fn settings(&mut self) -> String {
        self.settings.to_string()
    }
}
