//! `parapet publish`, and the publishing options `parapet scan --publish` shares.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::Args;
use parapet::publish::{PublishOptions, Published, Publisher};
use parapet::report::read::{PastFinding, read_asff};
use parapet::report::scope::Scope;

use super::EXIT_PUBLISH;
use super::collect::AwsArgs;

/// How findings go to Security Hub.
#[derive(Debug, Clone, Args)]
pub(crate) struct PublishFlags {
    /// Send only failed findings; the product's other active findings in
    /// the scan's scope are archived.
    #[arg(long)]
    only_failed: bool,
    /// Read Security Hub and print what would be imported and archived;
    /// send nothing.
    #[arg(long)]
    dry_run: bool,
    /// Never archive findings, even those the scan found fixed.
    #[arg(long)]
    no_archive: bool,
    /// Also write each BatchImportFindings request body into this
    /// directory (for audit, or to send with the AWS CLI).
    #[arg(long, value_name = "DIR")]
    save_requests: Option<PathBuf>,
}

impl PublishFlags {
    pub(crate) fn any(&self) -> bool {
        self.only_failed || self.dry_run || self.no_archive || self.save_requests.is_some()
    }

    pub(crate) fn options(&self, org_role: Option<String>) -> PublishOptions {
        PublishOptions {
            only_failed: self.only_failed,
            dry_run: self.dry_run,
            archive: !self.no_archive,
            save_requests: self.save_requests.clone(),
            org_role,
        }
    }
}

#[derive(Debug, Args)]
pub(crate) struct PublishCommand {
    /// ASFF reports written by `parapet scan` (or `parapet merge`).
    #[arg(required = true, value_name = "REPORT.json")]
    reports: Vec<PathBuf>,
    #[command(flatten)]
    aws: AwsArgs,
    #[command(flatten)]
    flags: PublishFlags,
    /// Findings of other accounts: assume --org-role in each to import them
    /// (Security Hub takes a finding only from its own account).
    #[arg(long)]
    org: bool,
    /// The role assumed in each account with --org.
    #[arg(
        long,
        value_name = "NAME",
        default_value = "OrganizationAccountAccessRole",
        requires = "org"
    )]
    org_role: String,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

pub(crate) fn run(args: &PublishCommand) -> Result<ExitCode> {
    let mut findings = Vec::new();
    for path in &args.reports {
        findings.extend(read_asff(path)?);
    }
    if findings.is_empty() {
        bail!(
            "{} holds no findings; nothing to publish (an empty report cannot say what was fixed)",
            quoted(&args.reports)
        );
    }
    // A report does not record which checks ran where; what its findings
    // show is the scope (see `Scope::of_report`).
    let past: Vec<PastFinding> = findings.iter().map(PastFinding::from_asff).collect();
    let scope = Scope::of_report(&past);
    let publisher = Publisher::start(
        &args.aws.options(),
        args.flags.options(args.org.then(|| args.org_role.clone())),
    )
    .context("cannot publish to Security Hub")?;
    let published = publisher.publish(findings, &scope);
    print_published(&published, args.quiet);
    Ok(if published.is_complete() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PUBLISH)
    })
}

fn quoted(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| format!("'{}'", p.display()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The summary of a publication, on standard error.
pub(crate) fn print_published(published: &Published, quiet: bool) {
    for problem in &published.problems {
        eprintln!("parapet: publish: {problem}");
    }
    for failed in &published.failed {
        eprintln!(
            "parapet: publish: finding {} ({}, {}) not imported: {}: {}",
            failed.id, failed.account, failed.region, failed.code, failed.message
        );
    }
    if quiet {
        return;
    }
    let verb = if published.dry_run {
        "would archive"
    } else {
        "archived"
    };
    for archived in &published.archived {
        eprintln!(
            "parapet: publish: {verb} {} ({}; {}, {})",
            archived.title, archived.resource, archived.account, archived.region
        );
    }
    let skipped = if published.skipped > 0 {
        format!(", {} not sent (--only-failed)", published.skipped)
    } else {
        String::new()
    };
    if published.dry_run {
        eprintln!(
            "parapet: publish (dry run): would import {} and archive {} finding(s) in {} request(s){skipped}; nothing was sent",
            published.imported,
            published.archived.len(),
            published.requests
        );
    } else {
        eprintln!(
            "parapet: publish: {} imported, {} archived, {} failed{skipped}",
            published.imported,
            published.archived.len(),
            published.failed.len()
        );
    }
}
