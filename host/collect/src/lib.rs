//! Collects parapet snapshots of AWS accounts with the AWS SDK for Rust.
//!
//! [`collect`] resolves credentials the way the AWS CLI does (environment,
//! shared profiles and SSO, container and instance roles; optionally a role
//! to assume first), picks the regions, and — with [`Organization`] — every
//! active account of an AWS Organization. Each account's services and
//! regions are then read concurrently, under one limit on API calls in
//! flight shared by the whole collection, with the SDK's adaptive retries
//! for throttling and every paginated list read to its end.
//!
//! Nothing is dropped silently: a call that fails (access denied, region not
//! opted in, service unreachable, timeout) becomes a
//! [`parapet_snapshot::CollectionError`] naming the service, region,
//! operation, error code and the resource types it may hide, and everything
//! else is still collected. A service that is simply not enabled (no
//! GuardDuty detector, Security Hub not subscribed) is not an error: its
//! absence is data the checks judge.
//!
//! The `configuration` of each item uses the AWS API's own field names (as
//! the AWS CLI prints them) for the fields listed in `docs/snapshot.md`.

mod account;
mod error;
mod json;
mod limiter;
mod organization;
mod services;
mod session;

use std::sync::Arc;
use std::time::{Duration, Instant};

pub use error::CollectError;
pub use organization::{Shard, ShardError};
use parapet_snapshot::{CollectionError, Snapshot};

/// What to collect, from where, and how.
#[derive(Debug, Clone)]
pub struct CollectOptions {
    /// A named profile of the shared AWS config files (else the default chain).
    pub profile: Option<String>,
    /// Regions to read.
    pub regions: Regions,
    /// A role to assume before anything else.
    pub role: Option<AssumeRole>,
    /// Collect every active account of the organization instead of one.
    pub organization: Option<Organization>,
    /// Read Cost Explorer, Budgets and Compute Optimizer. Cost Explorer
    /// charges for each request.
    pub cost: bool,
    /// Cost-allocation tag keys to break the monthly cost down by.
    pub cost_tag_keys: Vec<String>,
    /// API calls in flight at once, across all accounts, regions and services.
    pub concurrency: usize,
    /// Accounts collected at once with [`Organization`].
    pub accounts_in_parallel: usize,
    /// Tries per API call, including the first (the SDK's adaptive retry).
    pub max_attempts: u32,
    /// Time limit for one API call including its retries.
    pub call_timeout: Duration,
}

impl Default for CollectOptions {
    fn default() -> Self {
        Self {
            profile: None,
            regions: Regions::Default,
            role: None,
            organization: None,
            cost: true,
            cost_tag_keys: Vec::new(),
            concurrency: 16,
            accounts_in_parallel: 4,
            max_attempts: 6,
            call_timeout: Duration::from_secs(60),
        }
    }
}

/// Which regions to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Regions {
    /// The region of the profile or environment (`AWS_REGION`), else us-east-1.
    Default,
    /// These regions; the first is where global services are called.
    List(Vec<String>),
    /// Every region enabled for the account (`ec2:DescribeRegions`).
    All,
}

/// A role to assume with the starting credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssumeRole {
    /// The role's ARN.
    pub role_arn: String,
    /// The external id the role's trust policy requires, if any.
    pub external_id: Option<String>,
}

/// Collect an AWS Organization's accounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    /// The role assumed in each member account.
    pub role_name: String,
    /// Only this deterministic share of the accounts.
    pub shard: Option<Shard>,
}

/// What collection options the services read.
#[derive(Debug, Clone, Default)]
pub(crate) struct Settings {
    pub(crate) cost: bool,
    pub(crate) cost_tag_keys: Vec<String>,
}

/// Hears about collection as it goes (a progress bar, log lines).
pub trait Progress: Send + Sync {
    /// `units` more units of work (a listing in one service and region) are planned.
    fn planned(&self, _account: &str, _units: usize) {}
    /// One unit finished (whether or not it failed).
    fn finished(&self, _account: &str, _service: &str, _region: &str) {}
    /// A call failed; the error is recorded in the snapshot.
    fn failed(&self, _account: &str, _error: &CollectionError) {}
}

/// Says nothing.
pub struct Silent;
impl Progress for Silent {}

/// The snapshots of a collection, and what it cost.
#[derive(Debug)]
pub struct Collection {
    /// One snapshot per account, in account order.
    pub snapshots: Vec<Snapshot>,
    /// API calls made (pages count one each; SDK retries do not).
    pub api_calls: u64,
    /// Wall-clock time.
    pub elapsed: Duration,
}

/// Collects one snapshot per account.
///
/// # Errors
/// When no account can be read at all: no credentials, a role that cannot
/// be assumed, regions or organization accounts that cannot be listed.
/// Failures inside an account are recorded in its snapshot instead.
pub async fn collect(
    options: &CollectOptions,
    progress: Arc<dyn Progress>,
) -> Result<Collection, CollectError> {
    let started = Instant::now();
    if let Regions::List(regions) = &options.regions
        && let Some(bad) = regions.iter().find(|r| !session::is_region_name(r))
    {
        return Err(CollectError::BadRegion(bad.clone()));
    }
    let limiter = Arc::new(limiter::Limiter::new(options.concurrency));
    let settings = Arc::new(Settings {
        cost: options.cost,
        cost_tag_keys: options.cost_tag_keys.clone(),
    });
    let start = session::start(options).await?;
    let regions = session::regions(options, &start).await?;
    let targets = match &options.organization {
        None => vec![organization::Target::caller(&start)],
        Some(org) => organization::targets(&start, org).await?,
    };
    let snapshots = organization::collect_all(
        &start,
        targets,
        organization::AccountRegions {
            caller: &regions,
            each_enabled: matches!(options.regions, Regions::All),
        },
        &settings,
        &limiter,
        &progress,
        options.accounts_in_parallel,
    )
    .await;
    Ok(Collection {
        snapshots,
        api_calls: limiter.calls(),
        elapsed: started.elapsed(),
    })
}

/// [`collect`] on a runtime of its own, for callers that are not async.
///
/// # Errors
/// As [`collect`], or when the runtime cannot start.
pub fn collect_blocking(
    options: &CollectOptions,
    progress: Arc<dyn Progress>,
) -> Result<Collection, CollectError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(collect(options, progress))
}

/// Credentials resolved the collector's way (profile, SSO, role to assume,
/// retries and time limits), for other AWS callers: publishing findings.
pub struct Session {
    start: session::Start,
}

impl Session {
    /// Resolves credentials and identifies the caller (`sts:GetCallerIdentity`).
    ///
    /// # Errors
    /// When there are no usable credentials, or the role cannot be assumed.
    pub async fn start(options: &CollectOptions) -> Result<Self, CollectError> {
        Ok(Self {
            start: session::start(options).await?,
        })
    }

    /// The caller's account.
    #[must_use]
    pub fn account_id(&self) -> &str {
        &self.start.account_id
    }

    /// `aws`, `aws-cn` or `aws-us-gov`.
    #[must_use]
    pub fn partition(&self) -> &str {
        &self.start.partition
    }

    /// The SDK configuration of the caller, for `region`.
    #[must_use]
    pub fn config(&self, region: &str) -> aws_types::SdkConfig {
        self.start
            .config
            .to_builder()
            .region(aws_types::region::Region::new(region.to_owned()))
            .build()
    }

    /// The SDK configuration of `role_name` in `account_id` (assumed lazily,
    /// on first use), or the caller's own in the caller's account.
    pub async fn in_account(&self, account_id: &str, role_name: &str) -> aws_types::SdkConfig {
        if account_id == self.start.account_id {
            return self.start.config.clone();
        }
        let role_arn = format!(
            "arn:{}:iam::{account_id}:role/{}",
            self.start.partition,
            role_name.trim_start_matches('/')
        );
        session::assume(&self.start.config, &role_arn, None).await
    }
}

/// Every resource type the collector writes, for documentation and for
/// marking everything missing when an account cannot be entered.
#[must_use]
pub fn collected_types() -> Vec<&'static str> {
    services::collected_types()
}
