//! A loaded plugin, and one run of its checks against a scan.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use wasmtime::{Engine, Store, Trap};

use super::bindings::{Plugin, PluginPre, wit};
use super::state::{HostState, ScanData};
use super::{Limits, LoadError, Runtime, new_store, validate, version};
use crate::model::{Failure, FailureKind, Finding, LogLine, PluginInfo};

/// A compiled, pre-instantiated plugin and its validated metadata.
pub struct LoadedPlugin {
    info: PluginInfo,
    engine: Engine,
    pre: PluginPre<HostState>,
    limits: Limits,
    /// The read-only directory the plugin sees as `/data`, if granted.
    data_dir: Option<PathBuf>,
}

/// What one check produced: its findings, or why it could not run.
#[derive(Debug)]
pub struct CheckRun {
    pub check_id: String,
    pub findings: Vec<Finding>,
    /// Set when the check did not run to completion or broke the contract;
    /// `findings` is then empty.
    pub failure: Option<Failure>,
    pub elapsed: Duration,
}

/// One run of a plugin's checks.
#[derive(Debug)]
pub struct PluginRun {
    pub checks: Vec<CheckRun>,
    pub logs: Vec<LogLine>,
}

impl LoadedPlugin {
    pub(super) fn load(
        runtime: &Runtime,
        source: &str,
        bytes: &[u8],
        limits: Limits,
        data_dir: Option<&Path>,
    ) -> Result<Self, LoadError> {
        let component_error = |reason: String| LoadError::Component {
            source_name: source.to_owned(),
            reason,
        };
        let component = runtime
            .compile(bytes)
            .map_err(|e| component_error(format!("not a valid WebAssembly component: {e:#}")))?;
        let component_type = component.component_type();
        let exports: Vec<&str> = component_type
            .exports(&runtime.engine)
            .map(|(name, _)| name)
            .collect();
        version::targeted_api(&exports)
            .and_then(version::check_compatible)
            .map_err(component_error)?;
        let instance_pre = runtime
            .linker
            .instantiate_pre(&component)
            .map_err(|e| component_error(refused_import(&e)))?;
        let pre = PluginPre::new(instance_pre).map_err(|e| {
            component_error(format!("it does not export parapet:plugin/checks: {e:#}"))
        })?;

        let metadata_error = |reason: String| LoadError::Metadata {
            source_name: source.to_owned(),
            reason,
        };
        let mut store = new_store(
            &runtime.engine,
            Arc::new(ScanData::empty()),
            Arc::from("{}"),
            limits,
            data_dir,
            limits.timeout,
        )
        .map_err(component_error)?;
        let instance = pre
            .instantiate(&mut store)
            .map_err(|e| metadata_error(format!("instantiation failed: {}", describe_trap(&e))))?;
        let metadata = instance
            .parapet_plugin_checks()
            .call_metadata(&mut store)
            .map_err(|e| {
                metadata_error(format!("the metadata call failed: {}", describe_trap(&e)))
            })?;
        let mut info = validate::plugin_info(metadata, source).map_err(metadata_error)?;
        info.imports = component_type
            .imports(&runtime.engine)
            .map(|(name, _)| name.to_owned())
            .collect();
        info.imports.sort();
        Ok(Self {
            info,
            engine: runtime.engine.clone(),
            pre,
            limits,
            data_dir: data_dir.map(Path::to_owned),
        })
    }

    /// The limits it runs under.
    #[must_use]
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// The plugin's validated metadata.
    #[must_use]
    pub fn info(&self) -> &PluginInfo {
        &self.info
    }

    /// Runs `check_ids` in order, in one store while all goes well. A trap
    /// poisons the store, so the next check gets a fresh one; the time limit
    /// covers all the checks together.
    pub(crate) fn run(
        &self,
        scan: &Arc<ScanData>,
        settings: &Arc<str>,
        check_ids: &[String],
    ) -> PluginRun {
        let deadline = Instant::now() + self.limits.timeout;
        let mut live: Option<(Store<HostState>, Plugin)> = None;
        let mut checks = Vec::with_capacity(check_ids.len());
        let mut logs = Vec::new();
        for check_id in check_ids {
            let started = Instant::now();
            let remaining = deadline.saturating_duration_since(started);
            if remaining.is_zero() {
                checks.push(self.not_run(
                    check_id,
                    FailureKind::Timeout,
                    format!(
                        "not run: the plugin used up its {} s time limit on earlier checks",
                        self.limits.timeout.as_secs_f64()
                    ),
                ));
                continue;
            }
            let (mut store, instance) = match live.take() {
                Some(pair) => pair,
                None => {
                    let store = new_store(
                        &self.engine,
                        Arc::clone(scan),
                        Arc::clone(settings),
                        self.limits,
                        self.data_dir.as_deref(),
                        remaining,
                    );
                    let mut store = match store {
                        Ok(store) => store,
                        Err(message) => {
                            checks.push(self.not_run(check_id, FailureKind::Load, message));
                            continue;
                        }
                    };
                    match self.pre.instantiate(&mut store) {
                        Ok(instance) => (store, instance),
                        Err(error) => {
                            let (kind, message) = classify(&error, &store, self.limits);
                            logs.extend(store.data_mut().take_logs());
                            checks.push(self.not_run(
                                check_id,
                                kind,
                                format!("instantiation failed: {message}"),
                            ));
                            continue;
                        }
                    }
                }
            };
            let outcome = instance
                .parapet_plugin_checks()
                .call_evaluate(&mut store, check_id);
            let mut run = CheckRun {
                check_id: check_id.clone(),
                findings: Vec::new(),
                failure: None,
                elapsed: started.elapsed(),
            };
            match outcome {
                Ok(Ok(findings)) => self.accept(&mut run, findings),
                Ok(Err(error)) => {
                    run.failure = Some(self.failure(
                        check_id,
                        FailureKind::PluginError,
                        plugin_error(&error),
                    ));
                }
                Err(trap) => {
                    let (kind, message) = classify(&trap, &store, self.limits);
                    run.failure = Some(self.failure(check_id, kind, message));
                }
            }
            logs.extend(store.data_mut().take_logs());
            if run.failure.as_ref().is_none_or(|f| {
                f.kind == FailureKind::PluginError || f.kind == FailureKind::Malformed
            }) {
                // The instance is still sound; keep it for the next check.
                live = Some((store, instance));
            }
            checks.push(run);
        }
        PluginRun { checks, logs }
    }

    /// Keeps the findings if every one holds. A check that breaks the
    /// contract once cannot be trusted for the rest: its findings are all
    /// dropped and the check is reported as not run. A check reports each
    /// resource once: a second verdict on the same resource would share its
    /// Security Hub id and overwrite the first.
    fn accept(&self, run: &mut CheckRun, findings: Vec<wit::Finding>) {
        let mut problems = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for finding in findings {
            match validate::finding(finding, &run.check_id) {
                Ok(finding) if !seen.insert(finding.resource.clone()) => problems.push(format!(
                    "returned more than one finding about '{}' in {}",
                    finding.resource.id, finding.resource.region
                )),
                Ok(finding) => run.findings.push(finding),
                Err(problem) => problems.push(problem),
            }
        }
        if let Some(first) = problems.first() {
            run.findings.clear();
            let more = match problems.len() {
                1 => String::new(),
                n => format!(" (and {} more malformed findings)", n - 1),
            };
            run.failure = Some(self.failure(
                &run.check_id,
                FailureKind::Malformed,
                format!("{first}{more}"),
            ));
        }
    }

    fn failure(&self, check_id: &str, kind: FailureKind, message: String) -> Failure {
        Failure {
            plugin: self.info.id.clone(),
            check: Some(check_id.to_owned()),
            kind,
            message,
        }
    }

    fn not_run(&self, check_id: &str, kind: FailureKind, message: String) -> CheckRun {
        CheckRun {
            check_id: check_id.to_owned(),
            findings: Vec::new(),
            failure: Some(self.failure(check_id, kind, message)),
            elapsed: Duration::ZERO,
        }
    }
}

/// Why linking failed, and what the plugin's author can do about it.
fn refused_import(error: &wasmtime::Error) -> String {
    let mut message = format!(
        "{error:#}; parapet provides only WASI 0.2 (with no files, environment or network) and parapet:plugin/host"
    );
    if message.contains("wasi:http") {
        message.push_str(
            "; plugins get no network, so wasi:http is not provided: build JavaScript plugins with \
             componentize-js `-d http fetch-event`",
        );
    }
    message
}

/// Tells a timeout and the memory cap apart from other traps.
fn classify(
    error: &wasmtime::Error,
    store: &Store<HostState>,
    limits: Limits,
) -> (FailureKind, String) {
    if error.downcast_ref::<Trap>() == Some(&Trap::Interrupt) {
        return (
            FailureKind::Timeout,
            format!(
                "timed out: the plugin ran past its {} s time limit",
                limits.timeout.as_secs_f64()
            ),
        );
    }
    if store.data().budget.exceeded {
        return (
            FailureKind::Memory,
            format!(
                "went over its memory limit of {} MiB and trapped ({})",
                limits.memory_bytes >> 20,
                describe_trap(error)
            ),
        );
    }
    let said = store
        .data()
        .stderr_tail()
        .map(|tail| format!(" after writing to stderr: {tail}"))
        .unwrap_or_default();
    (
        FailureKind::Trap,
        format!("trapped{said} ({})", describe_trap(error)),
    )
}

/// The trap's cause and the top of its wasm backtrace, on one line.
fn describe_trap(error: &wasmtime::Error) -> String {
    let cause = error.root_cause().to_string();
    let frames: Vec<String> = error
        .downcast_ref::<wasmtime::WasmBacktrace>()
        .map(|trace| {
            trace
                .frames()
                .iter()
                .take(4)
                .map(|frame| {
                    let name = frame.func_name().unwrap_or("<unnamed>");
                    format!("{}!{}", frame.module().name().unwrap_or("<module>"), name)
                })
                .collect()
        })
        .unwrap_or_default();
    if frames.is_empty() {
        cause
    } else {
        format!("{cause}; wasm backtrace: {}", frames.join(" ← "))
    }
}

fn plugin_error(error: &wit::PluginError) -> String {
    match error {
        wit::PluginError::InvalidSettings(why) => {
            format!("the plugin reports invalid settings: {why}")
        }
        wit::PluginError::InvalidResource(why) => {
            format!("the plugin reports an invalid resource: {why}")
        }
        wit::PluginError::UnknownCheck(id) => format!("the plugin does not know check '{id}'"),
        wit::PluginError::Internal(why) => format!("the plugin reports an error: {why}"),
    }
}
