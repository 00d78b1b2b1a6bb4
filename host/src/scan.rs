//! A scan: load the plugins, run every enabled check against the snapshot,
//! collect findings and failures. Nothing here writes output.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use parapet_snapshot::SnapshotIndex;

use crate::model::{Failure, FailureKind, Finding, LogLine, PluginInfo, ResourceRef, Status};
use crate::runtime::{Limits, LoadedPlugin, PluginRun, Runtime, ScanData};

/// Extra time past a plugin's own limit before the host gives up waiting for
/// its thread (a guest stuck in a long bulk memory operation is not
/// interrupted by epochs).
const OUTER_GRACE: Duration = Duration::from_secs(5);

/// A plugin to load: a name for messages, its component bytes and limits.
#[derive(Clone)]
pub struct PluginSource {
    pub name: String,
    pub bytes: Arc<[u8]>,
    /// The id the plugin must declare (when the configuration names it).
    pub expected_id: Option<String>,
    pub limits: Limits,
    /// A directory the plugin may read, as `/data`.
    pub data_dir: Option<std::path::PathBuf>,
}

impl PluginSource {
    /// A source with default limits and no expected id.
    #[must_use]
    pub fn new(name: impl Into<String>, bytes: impl Into<Arc<[u8]>>) -> Self {
        Self {
            name: name.into(),
            bytes: bytes.into(),
            expected_id: None,
            limits: Limits::default(),
            data_dir: None,
        }
    }
}

/// What a scan is asked to do.
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    /// Run only these checks (all when empty).
    pub only_checks: Vec<String>,
    /// Never run these checks.
    pub disabled_checks: Vec<String>,
    /// Settings per plugin id, passed to the plugin as JSON.
    pub settings: HashMap<String, serde_json::Value>,
    /// Plugins run at the same time (at least 1).
    pub parallelism: usize,
}

/// Everything a scan found out.
#[derive(Debug, Default)]
pub struct ScanOutcome {
    /// Plugins that loaded, in load order.
    pub plugins: Vec<PluginInfo>,
    /// Each finding with the id of the plugin that produced it.
    pub findings: Vec<(String, Finding)>,
    /// Checks and plugins that could not run.
    pub failures: Vec<Failure>,
    /// Checks that ran to completion, by plugin id.
    pub completed_checks: Vec<(String, String)>,
    /// Plugin log lines, by plugin id.
    pub logs: Vec<(String, LogLine)>,
}

impl ScanOutcome {
    /// Whether every enabled check of every plugin ran to completion.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Loads every plugin, in parallel. A plugin that fails to load, or that
/// declares a check id another plugin already has, becomes a failure.
pub fn load_plugins(
    runtime: &Runtime,
    sources: &[PluginSource],
    parallelism: usize,
) -> (Vec<Arc<LoadedPlugin>>, Vec<Failure>) {
    let results = parallel_map(sources, parallelism, |source| {
        runtime.load(
            &source.name,
            &source.bytes,
            source.limits,
            source.data_dir.as_deref(),
        )
    });
    let mut loaded: Vec<Arc<LoadedPlugin>> = Vec::new();
    let mut failures = Vec::new();
    let mut plugin_ids = HashSet::new();
    let mut check_owner: HashMap<String, String> = HashMap::new();
    for (source, result) in sources.iter().zip(results) {
        let plugin = match result {
            Ok(plugin) => plugin,
            Err(error) => {
                let kind = match error {
                    crate::runtime::LoadError::Component { .. } => FailureKind::Load,
                    crate::runtime::LoadError::Metadata { .. } => FailureKind::Metadata,
                };
                failures.push(Failure {
                    plugin: source.name.clone(),
                    check: None,
                    kind,
                    message: error.to_string(),
                });
                continue;
            }
        };
        let info = plugin.info();
        let clash = if let Some(expected) = source.expected_id.as_ref().filter(|e| **e != info.id) {
            Some(format!(
                "it declares id '{}', but the configuration lists it as '{expected}'",
                info.id
            ))
        } else if plugin_ids.contains(&info.id) {
            Some(format!(
                "plugin id '{}' is already taken by another plugin",
                info.id
            ))
        } else {
            info.checks.iter().find_map(|check| {
                check_owner.get(&check.id).map(|owner| {
                    format!(
                        "check id '{}' is already declared by plugin '{owner}'",
                        check.id
                    )
                })
            })
        };
        if let Some(reason) = clash {
            failures.push(Failure {
                plugin: source.name.clone(),
                check: None,
                kind: FailureKind::Metadata,
                message: format!("plugin '{}' refused: {reason}", source.name),
            });
            continue;
        }
        plugin_ids.insert(info.id.clone());
        for check in &info.checks {
            check_owner.insert(check.id.clone(), info.id.clone());
        }
        loaded.push(Arc::new(plugin));
    }
    (loaded, failures)
}

/// Runs the enabled checks of every plugin against `index`.
pub fn run(
    plugins: &[Arc<LoadedPlugin>],
    index: SnapshotIndex,
    options: &ScanOptions,
) -> ScanOutcome {
    let scan = Arc::new(ScanData::new(index));
    let mut outcome = ScanOutcome {
        plugins: plugins.iter().map(|p| p.info().clone()).collect(),
        ..ScanOutcome::default()
    };
    let jobs: Vec<Job> = plugins
        .iter()
        .map(|plugin| {
            let info = plugin.info();
            let checks = info
                .checks
                .iter()
                .map(|c| c.id.clone())
                .filter(|id| options.only_checks.is_empty() || options.only_checks.contains(id))
                .filter(|id| !options.disabled_checks.contains(id))
                .collect();
            let settings = options
                .settings
                .get(&info.id)
                .map_or_else(|| "{}".to_owned(), ToString::to_string);
            Job {
                plugin: Arc::clone(plugin),
                checks,
                settings: Arc::from(settings),
            }
        })
        .filter(|job| !job.checks.is_empty())
        .collect();

    for (job, result) in run_jobs(&jobs, &scan, options.parallelism) {
        let plugin_id = job.plugin.info().id.clone();
        match result {
            Some(run) => record(&mut outcome, &plugin_id, run, &scan, job.plugin.info()),
            None => {
                let outer_timeout = job.plugin.limits().timeout + OUTER_GRACE;
                for check in &job.checks {
                    outcome.failures.push(Failure {
                        plugin: plugin_id.clone(),
                        check: Some(check.clone()),
                        kind: FailureKind::Timeout,
                        message: format!(
                            "the plugin did not return within {} s; its thread was abandoned",
                            outer_timeout.as_secs()
                        ),
                    });
                }
            }
        }
    }
    outcome
}

fn record(
    outcome: &mut ScanOutcome,
    plugin_id: &str,
    run: PluginRun,
    scan: &ScanData,
    info: &PluginInfo,
) {
    for check in run.checks {
        let gaps = info
            .checks
            .iter()
            .find(|c| c.id == check.check_id)
            .map(|c| scan.index().gaps(&c.resource_types))
            .unwrap_or_default();
        let own_start = outcome.findings.len();
        for finding in check.findings {
            outcome.findings.push((plugin_id.to_owned(), finding));
        }
        // Whatever the check said, a collection error under its resource
        // types means it may have missed resources: one not-available
        // finding on the account per region (several errors in a region
        // share it, as a finding id is unique per check, resource, region).
        let account = &scan.index().snapshot().account_id;
        let account_id = parapet_snapshot::types::account_resource_id(account);
        let mut by_region: std::collections::BTreeMap<String, Vec<String>> =
            std::collections::BTreeMap::new();
        for gap in gaps {
            by_region
                .entry(gap.region.clone())
                .or_default()
                .push(gap.gap_message());
        }
        for (region, messages) in by_region {
            let message = messages.join("; ");
            let on_account = |f: &Finding| {
                f.resource.resource_type == parapet_snapshot::types::ACCOUNT
                    && f.resource.id == account_id
                    && f.resource.region == region
            };
            // The check's own verdict on the account there was made without
            // that data: it stands as a reason, not as a verdict.
            if let Some((_, own)) = outcome.findings[own_start..]
                .iter_mut()
                .find(|(_, f)| on_account(f))
            {
                own.message = format!(
                    "{message} (the check said {}: {})",
                    own.status.label(),
                    own.message
                );
                own.status = Status::NotAvailable;
                continue;
            }
            outcome.findings.push((
                plugin_id.to_owned(),
                Finding {
                    check_id: check.check_id.clone(),
                    resource: ResourceRef {
                        resource_type: parapet_snapshot::types::ACCOUNT.to_owned(),
                        id: account_id.clone(),
                        region,
                        account: account.clone(),
                    },
                    status: Status::NotAvailable,
                    severity: None,
                    message,
                    evidence: None,
                    suppression: None,
                    change: None,
                },
            ));
        }
        match check.failure {
            Some(failure) => outcome.failures.push(failure),
            None => outcome
                .completed_checks
                .push((plugin_id.to_owned(), check.check_id)),
        }
    }
    outcome.logs.extend(
        run.logs
            .into_iter()
            .map(|line| (plugin_id.to_owned(), line)),
    );
}

#[derive(Clone)]
struct Job {
    plugin: Arc<LoadedPlugin>,
    checks: Vec<String>,
    settings: Arc<str>,
}

enum Event {
    Started(usize, Instant),
    Done(usize, PluginRun),
}

/// Runs jobs on `parallelism` worker threads. A job whose thread has not
/// answered within its plugin's time limit plus [`OUTER_GRACE`] after it
/// started yields `None`, and a new worker takes its place.
fn run_jobs<'a>(
    jobs: &'a [Job],
    scan: &Arc<ScanData>,
    parallelism: usize,
) -> Vec<(&'a Job, Option<PluginRun>)> {
    let outer_timeout = |job: usize| jobs[job].plugin.limits().timeout + OUTER_GRACE;
    let queue: Arc<Mutex<VecDeque<usize>>> = Arc::new(Mutex::new((0..jobs.len()).collect()));
    // Workers may outlive this call (an abandoned one), so they own their jobs.
    let shared: Arc<Vec<Job>> = Arc::new(jobs.to_vec());
    let (sender, receiver) = mpsc::channel();
    let spawn_worker = || {
        let (queue, shared, scan, sender) = (
            Arc::clone(&queue),
            Arc::clone(&shared),
            Arc::clone(scan),
            sender.clone(),
        );
        thread::spawn(move || {
            loop {
                let next = queue.lock().unwrap_or_else(|p| p.into_inner()).pop_front();
                let Some(job) = next else { break };
                let Job {
                    plugin,
                    checks,
                    settings,
                } = &shared[job];
                if sender.send(Event::Started(job, Instant::now())).is_err() {
                    break;
                }
                let run = plugin.run(&scan, settings, checks);
                if sender.send(Event::Done(job, run)).is_err() {
                    break;
                }
            }
        })
    };
    for _ in 0..parallelism.clamp(1, jobs.len().max(1)) {
        spawn_worker();
    }

    let mut results: Vec<Option<Option<PluginRun>>> = (0..jobs.len()).map(|_| None).collect();
    let mut started: HashMap<usize, Instant> = HashMap::new();
    let mut finished = 0;
    while finished < jobs.len() {
        let wait = started
            .iter()
            .map(|(job, at)| (*at + outer_timeout(*job)).saturating_duration_since(Instant::now()))
            .min()
            .unwrap_or(OUTER_GRACE);
        match receiver.recv_timeout(wait) {
            Ok(Event::Started(job, at)) => {
                started.insert(job, at);
            }
            Ok(Event::Done(job, run)) => {
                if started.remove(&job).is_some() {
                    results[job] = Some(Some(run));
                    finished += 1;
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                let now = Instant::now();
                let late: Vec<usize> = started
                    .iter()
                    .filter(|(job, at)| now >= **at + outer_timeout(**job))
                    .map(|(job, _)| *job)
                    .collect();
                for job in late {
                    started.remove(&job);
                    results[job] = Some(None);
                    finished += 1;
                    spawn_worker();
                }
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    jobs.iter()
        .zip(results)
        .map(|(job, result)| (job, result.flatten()))
        .collect()
}

/// Maps `f` over `items` on up to `parallelism` scoped threads, keeping order.
fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    parallelism: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = Mutex::new(0usize);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    thread::scope(|scope| {
        for _ in 0..parallelism.clamp(1, items.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = {
                        let mut next = next.lock().unwrap_or_else(|p| p.into_inner());
                        let i = *next;
                        *next += 1;
                        i
                    };
                    let Some(item) = items.get(i) else { break };
                    let result = f(item);
                    results.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(result);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .flatten()
        .collect()
}
