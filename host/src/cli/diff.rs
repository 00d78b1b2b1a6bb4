//! `parapet diff OLD NEW`: what changed between two reports.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use parapet::baseline::{Comparison, compare};
use parapet::report::read::{PastFinding, read_report};

use super::EXIT_FINDINGS;

#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    /// The earlier report (ASFF or JSON, as `parapet scan` writes them).
    #[arg(value_name = "OLD")]
    old: PathBuf,
    /// The later report.
    #[arg(value_name = "NEW")]
    new: PathBuf,
    /// Exit with 1 when NEW has a failure OLD did not.
    #[arg(long)]
    fail_on_new: bool,
}

pub(crate) fn run(args: &DiffArgs) -> Result<ExitCode> {
    let old = read_report(&args.old)?;
    let new = read_report(&args.new)?;
    let comparison = compare(&old, &new);
    print!("{}", render(&comparison, usize::MAX));
    // As with `scan --fail-on-new`, an accepted risk does not fail the gate.
    Ok(
        if args.fail_on_new && comparison.new.iter().any(|f| !f.suppressed) {
            ExitCode::from(EXIT_FINDINGS)
        } else {
            ExitCode::SUCCESS
        },
    )
}

/// The comparison as text: counts, then each new and resolved failure
/// (at most `limit` of each), then what could not be compared.
pub(crate) fn render(comparison: &Comparison, limit: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} new, {} unchanged, {} resolved, {} not checked",
        comparison.new.len(),
        comparison.unchanged,
        comparison.resolved.len(),
        comparison.not_checked.len()
    );
    let section = |out: &mut String, title: &str, list: &[PastFinding]| {
        if list.is_empty() {
            return;
        }
        let mut sorted: Vec<&PastFinding> = list.iter().collect();
        sorted.sort_by(|a, b| {
            (&a.check, &a.account, &a.region, &a.resource_id).cmp(&(
                &b.check,
                &b.account,
                &b.region,
                &b.resource_id,
            ))
        });
        let _ = writeln!(out, "\n{title}:");
        for finding in sorted.iter().take(limit) {
            let _ = writeln!(
                out,
                "  {:<8} {} {} {} {} {}",
                if finding.severity.is_empty() {
                    "-"
                } else {
                    &finding.severity
                },
                finding.check,
                finding.account,
                finding.region,
                finding.resource_id,
                if finding.suppressed {
                    "(suppressed)"
                } else {
                    ""
                }
            );
        }
        if sorted.len() > limit {
            let _ = writeln!(out, "  ... and {} more", sorted.len() - limit);
        }
    };
    section(&mut out, "new failures", &comparison.new);
    section(&mut out, "resolved", &comparison.resolved);
    section(
        &mut out,
        "not checked this time (their checks did not run there, so nothing is known)",
        &comparison.not_checked,
    );
    out
}
