//! `parapet scan`.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context as _, Result, bail};
use clap::Args;
use parapet::baseline::{Baseline, Comparison};
use parapet::config::LimitsConfig;
use parapet::model::{LogLevel, Severity};
use parapet::publish::{Published, Publisher};
use parapet::report::scope::Scope;
use parapet::report::{self, Format, ReportSet, ScanMeta, Summary};
use parapet::scan::{self, ScanOptions, ScanOutcome};
use parapet::suppress::Suppressions;
use parapet_snapshot::{Snapshot, SnapshotIndex};

use super::collect::CollectArgs;
use super::publish::PublishFlags;
use super::{EXIT_FINDINGS, EXIT_INCOMPLETE, EXIT_PUBLISH, PluginArgs, default_parallelism};

/// New and resolved failures listed in the terminal summary, at most.
const LISTED_CHANGES: usize = 20;

#[derive(Debug, Args)]
pub(crate) struct ScanArgs {
    /// The snapshot to check (see `parapet schema`). Without it, parapet
    /// collects from AWS first, with the options below.
    #[arg(long, value_name = "FILE")]
    snapshot: Option<PathBuf>,
    #[command(flatten)]
    collect: CollectArgs,
    /// With a live collection, also keep the snapshot in this file (with
    /// --org: this directory).
    #[arg(long, value_name = "PATH", conflicts_with = "snapshot")]
    save_snapshot: Option<PathBuf>,
    #[command(flatten)]
    plugins: PluginArgs,
    /// Run only this check (repeatable).
    #[arg(long = "check", value_name = "ID")]
    checks: Vec<String>,
    /// Where to write the report; `-` for standard output.
    #[arg(
        long,
        short,
        value_name = "FILE",
        default_value = "parapet-report.json"
    )]
    output: PathBuf,
    /// Report formats, comma-separated or repeated; several need --output-dir.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "asff")]
    format: Vec<Format>,
    /// Write one file per --format into this directory (parapet-asff.json,
    /// parapet-report.json, parapet-ocsf.json, parapet.sarif,
    /// parapet-junit.xml, parapet.csv).
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    output_dir: Option<PathBuf>,
    /// Exit with 1 when a finding of this severity or higher failed
    /// (suppressed findings aside).
    #[arg(long, value_enum, value_name = "SEVERITY")]
    fail_on: Option<Severity>,
    /// Accepted risks: a TOML file of [[suppress]] rules (default: the
    /// configuration's [checks] suppressions).
    #[arg(long, value_name = "FILE")]
    suppressions: Option<PathBuf>,
    /// An earlier report (ASFF or JSON) to mark each finding new,
    /// unchanged or resolved against.
    #[arg(long, value_name = "REPORT")]
    baseline: Option<PathBuf>,
    /// Exit with 1 when a failure is new against --baseline (of --fail-on's
    /// severity or higher, when given): a pull-request gate.
    #[arg(long, requires = "baseline")]
    fail_on_new: bool,
    /// Send the findings to AWS Security Hub and archive those fixed.
    #[arg(long)]
    publish: bool,
    #[command(flatten)]
    publish_flags: PublishFlags,
    /// Time limit per plugin, in seconds, for all its checks together
    /// (default 10, or the configuration's).
    #[arg(long, value_name = "SECONDS")]
    timeout: Option<f64>,
    /// Memory limit per plugin, in MiB, across all its memories (default
    /// 256, or the configuration's).
    #[arg(long, value_name = "MIB")]
    memory: Option<usize>,
    /// Plugins run at the same time (default: one per core).
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Also print plugins' info and debug log lines.
    #[arg(long, short)]
    verbose: bool,
    /// Print nothing but errors.
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
}

/// How one account's scan ended, for the exit code; later variants win.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Clean,
    Findings,
    Incomplete,
    PublishFailed,
}

impl Verdict {
    fn exit_code(self) -> ExitCode {
        match self {
            Self::Clean => ExitCode::SUCCESS,
            Self::Findings => ExitCode::from(EXIT_FINDINGS),
            Self::Incomplete => ExitCode::from(EXIT_INCOMPLETE),
            Self::PublishFailed => ExitCode::from(EXIT_PUBLISH),
        }
    }
}

/// What every account's scan shares.
struct Context<'a> {
    args: &'a ScanArgs,
    setup: &'a super::Setup,
    suppressions: Option<Suppressions>,
    baseline: Option<Baseline>,
    publisher: Option<Publisher>,
    /// Summaries go to stderr when a report goes to stdout.
    to_stderr: bool,
}

pub(crate) fn run(args: &ScanArgs) -> Result<ExitCode> {
    let started = Instant::now();
    check_args(args)?;
    let destinations = report::destinations(&args.format, &args.output, args.output_dir.as_deref());
    if let Some(dir) = &args.output_dir {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the output directory '{}'", dir.display()))?;
    }
    let snapshots: Vec<(Snapshot, String)> = match &args.snapshot {
        Some(path) => vec![(Snapshot::load(path)?, path.display().to_string())],
        None => {
            if args.collect.is_organization() && args.format.contains(&Format::Json) {
                bail!(
                    "a JSON report covers one account; scan an organization with --format asff \
                     (the default), ocsf, sarif, junit or csv, or collect it and scan each snapshot"
                );
            }
            let collection = args.collect.collect(args.quiet)?;
            if let Some(path) = &args.save_snapshot {
                save(path, &collection.snapshots, args.collect.is_organization())?;
            }
            collection
                .snapshots
                .into_iter()
                .map(|s| {
                    let label = format!("live collection of account {}", s.account_id);
                    (s, label)
                })
                .collect()
        }
    };
    let setup = args.plugins.setup(LimitsConfig {
        timeout_seconds: args.timeout,
        memory_mib: args.memory,
    })?;
    super::require_known_checks(&setup, &args.checks, "--check")?;
    let suppressions = match args
        .suppressions
        .clone()
        .or_else(|| setup.config.suppressions_file())
    {
        Some(path) => {
            let rules = Suppressions::load(&path)?;
            super::require_known_checks(
                &setup,
                &rules.named_checks(),
                &format!("suppressions file '{}'", path.display()),
            )?;
            Some(rules)
        }
        None => None,
    };
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
    let publisher = if args.publish {
        let org_role = args
            .collect
            .is_organization()
            .then(|| args.collect.org_role.clone());
        Some(
            Publisher::start(
                &args.collect.aws.options(),
                args.publish_flags.options(org_role),
            )
            .context("cannot publish to Security Hub")?,
        )
    } else {
        None
    };
    let context = Context {
        args,
        setup: &setup,
        suppressions,
        baseline,
        publisher,
        to_stderr: destinations.iter().any(|(_, p)| p.as_os_str() == "-"),
    };

    let mut reports = ReportSet::open(&destinations)?;
    let mut verdict = Verdict::Clean;
    let mut comparison = Comparison::default();
    let accounts = snapshots.len();
    for (n, (snapshot, label)) in snapshots.into_iter().enumerate() {
        let (account_verdict, account_comparison) =
            scan_one(&context, snapshot, &label, &mut reports, n == 0)?;
        verdict = verdict.max(account_verdict);
        if let Some(c) = account_comparison {
            comparison.extend(c);
        }
    }
    let written = reports.finish()?;
    if let Some(baseline) = &context.baseline
        && !args.quiet
    {
        say(
            &context,
            &format!(
                "\nagainst baseline '{}': {}",
                baseline.source(),
                super::diff::render(&comparison, LISTED_CHANGES)
            ),
        );
    }
    if !args.quiet {
        let files: Vec<String> = written
            .iter()
            .map(|(format, path)| match path {
                Some(path) => format!("{} '{}'", format.label(), path.display()),
                None => format!("{} on standard output", format.label()),
            })
            .collect();
        say(
            &context,
            &format!(
                "{}{} written in {:.2} s",
                if accounts > 1 {
                    format!("{accounts} accounts: ")
                } else {
                    String::new()
                },
                files.join(", "),
                started.elapsed().as_secs_f64()
            ),
        );
    }
    Ok(verdict.exit_code())
}

fn check_args(args: &ScanArgs) -> Result<()> {
    if let Some(timeout) = args.timeout
        && !(timeout.is_finite() && timeout > 0.0)
    {
        bail!("--timeout {timeout} is not a positive number of seconds");
    }
    if args.memory == Some(0) {
        bail!("--memory 0 leaves a plugin no memory; give at least 1 MiB");
    }
    let mut formats = args.format.clone();
    formats.sort_by_key(|f| f.file_name());
    formats.dedup();
    if formats.len() > 1 && args.output_dir.is_none() {
        bail!(
            "{} formats need --output-dir DIR, which gets one file per format",
            formats.len()
        );
    }
    if args.publish_flags.any() && !args.publish {
        bail!("--only-failed, --dry-run, --no-archive and --save-requests go with --publish");
    }
    Ok(())
}

fn say(context: &Context<'_>, text: &str) {
    if context.to_stderr {
        eprintln!("{text}");
    } else {
        println!("{text}");
    }
}

fn save(path: &std::path::Path, snapshots: &[Snapshot], organization: bool) -> Result<()> {
    if organization {
        std::fs::create_dir_all(path).with_context(|| {
            format!("cannot create the snapshot directory '{}'", path.display())
        })?;
        for snapshot in snapshots {
            super::collect::write_snapshot(
                &path.join(format!("{}.json", snapshot.account_id)),
                snapshot,
            )?;
        }
    } else if let Some(snapshot) = snapshots.first() {
        super::collect::write_snapshot(path, snapshot)?;
    }
    Ok(())
}

/// Resource tags by (type, id), for suppressions that match on tags.
fn tags_of(snapshot: &Snapshot) -> HashMap<(String, String), BTreeMap<String, String>> {
    snapshot
        .resources
        .iter()
        .filter(|r| !r.tags.is_empty())
        .map(|r| {
            (
                (r.resource_type.clone(), r.resource_id.clone()),
                r.tags.clone(),
            )
        })
        .collect()
}

fn scan_one(
    context: &Context<'_>,
    snapshot: Snapshot,
    label: &str,
    reports: &mut ReportSet,
    first: bool,
) -> Result<(Verdict, Option<Comparison>)> {
    let (args, setup) = (context.args, context.setup);
    let parallelism = args.jobs.unwrap_or_else(default_parallelism);
    let meta = ScanMeta {
        account_id: snapshot.account_id.clone(),
        partition: snapshot.partition.clone(),
        regions: snapshot.regions.clone(),
        collected_at: snapshot.collected_at,
        scanned_at: jiff::Timestamp::now(),
        snapshot: label.to_owned(),
    };
    let collection_errors = snapshot.collection_errors.clone();
    let months = report::finops::monthly_costs(&snapshot);
    let tags = match &context.suppressions {
        Some(rules) if rules.uses_tags() => tags_of(&snapshot),
        _ => HashMap::new(),
    };
    let index = SnapshotIndex::new(snapshot);

    // --check narrows the scan to the named checks, whatever the config says.
    let only_checks = if args.checks.is_empty() {
        setup.config.checks.only.clone()
    } else {
        args.checks.clone()
    };
    let options = ScanOptions {
        only_checks,
        disabled_checks: setup.config.checks.disable.clone(),
        settings: setup.config.settings(),
        parallelism,
    };
    let mut outcome = scan::run(&setup.plugins, index, &options);
    outcome
        .failures
        .splice(0..0, setup.failures.iter().cloned());
    super::apply_severity_overrides(&setup.config, &mut outcome.plugins);
    if let Some(rules) = &context.suppressions {
        let today = meta.scanned_at.to_zoned(jiff::tz::TimeZone::UTC).date();
        let notices = rules.apply(outcome.findings.iter_mut().map(|(_, f)| f), &tags, today);
        if first {
            for notice in &notices.expired {
                eprintln!("parapet: warning: {notice}");
            }
            for notice in notices.expiring.iter().filter(|_| !args.quiet) {
                eprintln!("parapet: note: {notice}");
            }
        }
    }
    let scope = Scope::of_scan(&outcome, &meta);
    let comparison = context
        .baseline
        .as_ref()
        .map(|baseline| baseline.mark(&mut outcome, &meta, &scope));
    let finops = report::finops::finops(
        &outcome,
        months,
        setup.config.finops.unit.as_deref(),
        &setup.config.finops.units,
    );

    for (plugin, line) in &outcome.logs {
        let loud = line.level >= LogLevel::Warn;
        if (loud && !args.quiet) || args.verbose {
            eprintln!("[plugin {plugin}] {}: {}", line.level.name(), line.message);
        }
    }
    for failure in &outcome.failures {
        eprintln!("parapet: check failed to run: {failure}");
    }
    reports.account(&outcome, &meta, &finops)?;

    let summary = Summary::of(&outcome);
    if !args.quiet {
        let mut text = format!("account {}:\n", meta.account_id);
        text.push_str(&report::render_summary(&summary));
        text.push_str(&report::finops::render_finops(&finops));
        if !collection_errors.is_empty() {
            text.push_str(&format!(
                "\ncollection was partial: {} API call(s) failed, so the checks that read their \
                 resource types report not available:\n",
                collection_errors.len()
            ));
            for error in &collection_errors {
                text.push_str(&format!("  {error}\n"));
            }
        }
        say(context, text.trim_end());
    }

    let mut verdict = verdict_of(args, &outcome, &summary, &collection_errors);
    if let Some(publisher) = &context.publisher {
        let published: Published =
            publisher.publish(report::asff::findings(&outcome, &meta), &scope);
        super::publish::print_published(&published, args.quiet);
        if !published.is_complete() {
            verdict = verdict.max(Verdict::PublishFailed);
        }
    }
    Ok((verdict, comparison))
}

fn verdict_of(
    args: &ScanArgs,
    outcome: &ScanOutcome,
    summary: &Summary,
    collection_errors: &[parapet_snapshot::CollectionError],
) -> Verdict {
    if !outcome.is_complete() || !collection_errors.is_empty() {
        return Verdict::Incomplete;
    }
    let threshold = args.fail_on.unwrap_or(Severity::Informational);
    let gate = args.fail_on.is_some() || args.fail_on_new;
    if gate && summary.failed_at_or_above(outcome, threshold, args.fail_on_new) > 0 {
        return Verdict::Findings;
    }
    Verdict::Clean
}
