//! `parapet collect`, and the collection options `parapet scan` shares.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result, bail};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use parapet_collect::{
    AssumeRole, CollectOptions, Collection, Organization, Progress, Regions, Shard,
};
use parapet_snapshot::{CollectionError, Snapshot};

use super::EXIT_INCOMPLETE;

/// Whose credentials, and how patiently to call AWS.
#[derive(Debug, Clone, Args)]
pub(crate) struct AwsArgs {
    /// A named profile of the shared AWS config files (default: the
    /// standard chain: environment, AWS_PROFILE, SSO, container or instance role).
    #[arg(long, value_name = "NAME")]
    profile: Option<String>,
    /// Assume this role before calling anything.
    #[arg(long, value_name = "ARN")]
    role_arn: Option<String>,
    /// The external id the --role-arn role requires.
    #[arg(long, value_name = "ID", requires = "role_arn")]
    external_id: Option<String>,
    /// Tries per API call, the first included; throttled calls back off
    /// adaptively between tries.
    #[arg(long, value_name = "N", default_value_t = 6)]
    max_attempts: u32,
    /// Time limit for one API call, retries included, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    call_timeout: u64,
}

impl AwsArgs {
    /// Options carrying only the credentials and call settings.
    pub(crate) fn options(&self) -> CollectOptions {
        CollectOptions {
            profile: self.profile.clone(),
            role: self.role_arn.clone().map(|role_arn| AssumeRole {
                role_arn,
                external_id: self.external_id.clone(),
            }),
            call_timeout: Duration::from_secs(self.call_timeout.max(1)),
            max_attempts: self.max_attempts.max(1),
            ..CollectOptions::default()
        }
    }
}

/// Where and how to read AWS.
#[derive(Debug, Clone, Args)]
pub(crate) struct CollectArgs {
    #[command(flatten)]
    pub(crate) aws: AwsArgs,
    /// A region to read (repeatable), or `all` for every enabled region.
    /// The first is where global services are called. Default: the
    /// profile's or AWS_REGION, else us-east-1.
    #[arg(long = "region", value_name = "REGION")]
    regions: Vec<String>,
    /// Read every active account of the AWS Organization (run from the
    /// management or a delegated administrator account).
    #[arg(long)]
    org: bool,
    /// The role assumed in each member account with --org.
    #[arg(
        long,
        value_name = "NAME",
        default_value = "OrganizationAccountAccessRole",
        requires = "org"
    )]
    pub(crate) org_role: String,
    /// With --org, only the K-th of N deterministic shares of the accounts
    /// (1-based), for spreading an organization over parallel jobs.
    #[arg(long, value_name = "K/N", requires = "org")]
    shard: Option<Shard>,
    /// Skip Cost Explorer, Budgets and Compute Optimizer (Cost Explorer
    /// charges per request; cost checks then report not available).
    #[arg(long)]
    no_cost: bool,
    /// A cost-allocation tag key to break monthly cost down by (repeatable).
    #[arg(long = "cost-tag", value_name = "KEY")]
    cost_tags: Vec<String>,
    /// API calls in flight at once, across all accounts, regions and
    /// services (1 collects sequentially).
    #[arg(long, value_name = "N", default_value_t = 16)]
    concurrency: usize,
}

impl CollectArgs {
    fn options(&self) -> Result<CollectOptions> {
        if self.concurrency == 0 {
            bail!("--concurrency 0 would make no calls; give at least 1");
        }
        let regions = if self.regions.is_empty() {
            Regions::Default
        } else if self.regions.iter().any(|r| r == "all") {
            if self.regions.len() > 1 {
                bail!(
                    "--region all reads every enabled region; do not combine it with other regions"
                );
            }
            Regions::All
        } else {
            Regions::List(self.regions.clone())
        };
        Ok(CollectOptions {
            regions,
            organization: self.org.then(|| Organization {
                role_name: self.org_role.clone(),
                shard: self.shard,
            }),
            cost: !self.no_cost,
            cost_tag_keys: self.cost_tags.clone(),
            concurrency: self.concurrency,
            ..self.aws.options()
        })
    }

    pub(crate) fn is_organization(&self) -> bool {
        self.org
    }

    /// Collects, showing progress on standard error.
    pub(crate) fn collect(&self, quiet: bool) -> Result<Collection> {
        let options = self.options()?;
        let reporter = Arc::new(Reporter::new(quiet));
        let collection = parapet_collect::collect_blocking(&options, reporter.clone())
            .context("cannot collect from AWS")?;
        reporter.done();
        if !quiet {
            let resources: usize = collection.snapshots.iter().map(|s| s.resources.len()).sum();
            let errors: usize = collection
                .snapshots
                .iter()
                .map(|s| s.collection_errors.len())
                .sum();
            eprintln!(
                "parapet: collected {resources} resources from {} account(s) in {:.1} s with {} API calls{}",
                collection.snapshots.len(),
                collection.elapsed.as_secs_f64(),
                collection.api_calls,
                if errors == 0 {
                    String::new()
                } else {
                    format!(
                        "; {errors} calls failed (recorded in the snapshot; affected checks report not available)"
                    )
                }
            );
        }
        Ok(collection)
    }
}

#[derive(Debug, Args)]
pub(crate) struct CollectCommand {
    #[command(flatten)]
    collect: CollectArgs,
    /// Where to write the snapshot (with --org: a directory, one
    /// `<account id>.json` per account).
    #[arg(
        long,
        short,
        value_name = "PATH",
        default_value = "parapet-snapshot.json"
    )]
    output: PathBuf,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

pub(crate) fn run(args: &CollectCommand) -> Result<ExitCode> {
    let collection = args.collect.collect(args.quiet)?;
    if args.collect.org {
        std::fs::create_dir_all(&args.output).with_context(|| {
            format!(
                "cannot create the snapshot directory '{}'",
                args.output.display()
            )
        })?;
        for snapshot in &collection.snapshots {
            let path = args.output.join(format!("{}.json", snapshot.account_id));
            write_snapshot(&path, snapshot)?;
        }
    } else {
        for snapshot in &collection.snapshots {
            write_snapshot(&args.output, snapshot)?;
        }
    }
    if !args.quiet {
        println!("snapshot written to '{}'", args.output.display());
    }
    let partial = collection
        .snapshots
        .iter()
        .any(|s| !s.collection_errors.is_empty());
    Ok(if partial {
        ExitCode::from(EXIT_INCOMPLETE)
    } else {
        ExitCode::SUCCESS
    })
}

pub(crate) fn write_snapshot(path: &Path, snapshot: &Snapshot) -> Result<()> {
    parapet::output::write_atomically_with(path, |out| {
        serde_json::to_writer_pretty(&mut *out, snapshot)?;
        out.write_all(b"\n")
    })?;
    Ok(())
}

/// A progress bar on a terminal; plain lines in CI or when piped.
struct Reporter {
    bar: Option<ProgressBar>,
    quiet: bool,
}

impl Reporter {
    fn new(quiet: bool) -> Self {
        let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let bar = (interactive && !quiet).then(|| {
            let bar = ProgressBar::new(0);
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} {pos}/{len} listings {wide_msg} {elapsed}")
            {
                bar.set_style(style);
            }
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Self { bar, quiet }
    }

    fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    fn line(&self, text: String) {
        match &self.bar {
            Some(bar) => bar.println(text),
            None => eprintln!("{text}"),
        }
    }
}

impl Progress for Reporter {
    fn planned(&self, account: &str, units: usize) {
        match &self.bar {
            Some(bar) => bar.inc_length(units as u64),
            None if !self.quiet => {
                eprintln!("parapet: collecting account {account}: {units} listings");
            }
            None => {}
        }
    }

    fn finished(&self, account: &str, service: &str, region: &str) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            bar.set_message(format!("{account} {service} {region}"));
        }
    }

    fn failed(&self, account: &str, error: &CollectionError) {
        if !self.quiet {
            self.line(format!(
                "parapet: account {account}: {error}{}",
                hint(error)
            ));
        }
    }
}

/// What to do about a failed call.
fn hint(error: &CollectionError) -> String {
    let denied = error.code.contains("AccessDenied")
        || error.code.contains("Unauthorized")
        || error.code == "AuthorizationError";
    if denied {
        format!(
            " (allow {} for the collector; see docs/permissions.md)",
            iam_action(&error.service, &error.operation)
        )
    } else if error.code == "OptInRequired" || error.code == "OptInRequiredException" {
        " (the service or region is not opted in for this account)".to_owned()
    } else {
        String::new()
    }
}

/// The IAM action that authorizes `operation`. Collector service names are
/// IAM prefixes already; two operations are authorized by differently named
/// actions (the same ones `docs/permissions/parapet-collector-policy.json` lists).
fn iam_action(service: &str, operation: &str) -> String {
    match (service, operation) {
        ("s3", "GetPublicAccessBlock") => "s3:GetAccountPublicAccessBlock".to_owned(),
        ("budgets", "DescribeBudgets") => "budgets:ViewBudget".to_owned(),
        _ => format!("{service}:{operation}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_denied_names_the_permission() {
        let error = CollectionError {
            service: "guardduty".to_owned(),
            region: "eu-west-1".to_owned(),
            operation: "ListDetectors".to_owned(),
            code: "AccessDeniedException".to_owned(),
            message: "no".to_owned(),
            resource_types: vec![],
        };
        assert!(hint(&error).contains("allow guardduty:ListDetectors "));
        let error = CollectionError {
            service: "s3".to_owned(),
            operation: "GetPublicAccessBlock".to_owned(),
            ..error
        };
        assert!(hint(&error).contains("allow s3:GetAccountPublicAccessBlock "));
    }
}
