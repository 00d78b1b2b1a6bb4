//! `parapet scan`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context as _, Result, bail};
use clap::{Args, ValueEnum};
use parapet::config::LimitsConfig;
use parapet::model::{LogLevel, Severity};
use parapet::report::{self, ScanMeta, Summary};
use parapet::scan::{self, ScanOptions};
use parapet_snapshot::{Snapshot, SnapshotIndex};

use super::collect::CollectArgs;
use super::{EXIT_FINDINGS, EXIT_INCOMPLETE, PluginArgs, default_parallelism};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// A Security Hub BatchImportFindings request: {"Findings": [...]}.
    Asff,
    /// parapet's own report: findings with check metadata, failures, summary.
    Json,
}

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
    /// The report format.
    #[arg(long, value_enum, default_value_t = Format::Asff)]
    format: Format,
    /// Exit with 1 when a finding of this severity or higher failed.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    fail_on: Option<Severity>,
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

pub(crate) fn run(args: &ScanArgs) -> Result<ExitCode> {
    let started = Instant::now();
    if let Some(timeout) = args.timeout
        && !(timeout.is_finite() && timeout > 0.0)
    {
        bail!("--timeout {timeout} is not a positive number of seconds");
    }
    if args.memory == Some(0) {
        bail!("--memory 0 leaves a plugin no memory; give at least 1 MiB");
    }
    let snapshots: Vec<(Snapshot, String)> = match &args.snapshot {
        Some(path) => vec![(Snapshot::load(path)?, path.display().to_string())],
        None => {
            if args.collect.is_organization() && args.format == Format::Json {
                bail!(
                    "a JSON report covers one account; scan an organization with --format asff \
                     (the default), or collect it and scan each snapshot"
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

    let mut verdicts = Vec::new();
    if let [(snapshot, label)] = &snapshots[..] {
        verdicts.push(scan_one(
            args,
            &setup,
            snapshot.clone(),
            label,
            &args.output,
            started,
        )?);
    } else {
        // One report per account, joined into the one asked for.
        let parent = args
            .output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        let dir = tempfile::tempdir_in(parent).with_context(|| {
            format!(
                "cannot create a working directory in '{}'",
                parent.display()
            )
        })?;
        let mut parts = Vec::new();
        for (snapshot, label) in &snapshots {
            let part = dir.path().join(format!("{}.json", snapshot.account_id));
            verdicts.push(scan_one(
                args,
                &setup,
                snapshot.clone(),
                label,
                &part,
                started,
            )?);
            parts.push(part);
        }
        super::merge::merge_files(&parts, &args.output)?;
        if !args.quiet {
            println!(
                "{} accounts: merged ASFF report written to '{}'",
                snapshots.len(),
                args.output.display()
            );
        }
    }
    Ok(if verdicts.contains(&Verdict::Incomplete) {
        ExitCode::from(EXIT_INCOMPLETE)
    } else if verdicts.contains(&Verdict::Findings) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
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

/// How one account's scan ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Clean,
    Findings,
    Incomplete,
}

fn scan_one(
    args: &ScanArgs,
    setup: &super::Setup,
    snapshot: Snapshot,
    label: &str,
    output: &std::path::Path,
    started: Instant,
) -> Result<Verdict> {
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

    let write = |mut out: &mut dyn std::io::Write| -> std::io::Result<()> {
        match args.format {
            Format::Asff => report::asff::write_import_request(&outcome, &meta, &mut out),
            Format::Json => {
                serde_json::to_writer_pretty(
                    &mut *out,
                    &report::native_report(&outcome, &meta, &finops),
                )?;
                out.write_all(b"\n")
            }
        }
    };
    if output.as_os_str() == "-" {
        let mut stdout = std::io::stdout().lock();
        write(&mut stdout).context("cannot write the report to standard output")?;
    } else {
        parapet::output::write_atomically_with(output, write)?;
    }

    let summary = Summary::of(&outcome);
    if !args.quiet {
        let mut text = report::render_summary(&summary);
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
        let destination = if output.as_os_str() == "-" {
            "standard output".to_owned()
        } else {
            format!("'{}'", output.display())
        };
        let tail = format!(
            "{} report for account {} written to {destination} in {:.2} s",
            match args.format {
                Format::Asff => "ASFF",
                Format::Json => "JSON",
            },
            meta.account_id,
            started.elapsed().as_secs_f64()
        );
        if output.as_os_str() == "-" {
            eprint!("{text}");
            eprintln!("{tail}");
        } else {
            print!("{text}");
            println!("{tail}");
        }
    }

    if !outcome.is_complete() || !collection_errors.is_empty() {
        return Ok(Verdict::Incomplete);
    }
    if let Some(threshold) = args.fail_on
        && summary.failed_at_or_above(&outcome, threshold) > 0
    {
        return Ok(Verdict::Findings);
    }
    Ok(Verdict::Clean)
}
