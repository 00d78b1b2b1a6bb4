//! Accounts to collect: the caller's, or an organization's (optionally one
//! shard of them), each with credentials of its own.

use std::sync::Arc;

use futures::StreamExt as _;
use parapet_snapshot::{CollectionError, SCHEMA_VERSION, Snapshot};

use crate::account::Account;
use crate::limiter::Limiter;
use crate::session::{self, Start};
use crate::{CollectError, Organization, Progress, Settings};

/// One account to collect.
pub(crate) struct Target {
    account_id: String,
    /// The caller's own credentials, or a role to assume in the account.
    role_arn: Option<String>,
}

impl Target {
    pub(crate) fn caller(start: &Start) -> Self {
        Self {
            account_id: start.account_id.clone(),
            role_arn: None,
        }
    }
}

/// A deterministic share of an organization's accounts: `K/N` is the K-th
/// of N shares (1-based), so N jobs of a CI matrix together collect every
/// account exactly once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: u32,
    count: u32,
}

/// A `--shard` value that is not `K/N` with 1 ≤ K ≤ N.
#[derive(Debug, thiserror::Error)]
#[error("shard {0:?} is not K/N with 1 <= K <= N, such as 1/4")]
pub struct ShardError(String);

impl std::str::FromStr for Shard {
    type Err = ShardError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let parse = || -> Option<Shard> {
            let (k, n) = text.split_once('/')?;
            let (index, count) = (k.trim().parse().ok()?, n.trim().parse().ok()?);
            (1..=count)
                .contains(&index)
                .then_some(Shard { index, count })
        };
        parse().ok_or_else(|| ShardError(text.to_owned()))
    }
}

impl Shard {
    /// Whether `account_id` belongs to this shard. A hash of the id (not its
    /// position in a list) decides, so accounts joining or leaving the
    /// organization do not move the others between shards.
    #[must_use]
    pub fn contains(&self, account_id: &str) -> bool {
        // FNV-1a: stable across Rust versions and platforms, unlike std's hasher.
        let hash = account_id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        hash % u64::from(self.count) == u64::from(self.index - 1)
    }
}

/// The organization's active accounts in this shard, in account-id order.
pub(crate) async fn targets(
    start: &Start,
    org: &Organization,
) -> Result<Vec<Target>, CollectError> {
    let client = aws_sdk_organizations::Client::new(&start.config);
    let mut pages = client.list_accounts().into_paginator().send();
    let mut accounts = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| CollectError::Organization(crate::error::chain(&e)))?;
        for account in page.accounts() {
            #[allow(deprecated)]
            let active = match (account.state(), account.status()) {
                (Some(state), _) => state.as_str() == "ACTIVE",
                (None, Some(status)) => status.as_str() == "ACTIVE",
                (None, None) => true,
            };
            if let (true, Some(id)) = (active, account.id()) {
                accounts.push(id.to_owned());
            }
        }
    }
    accounts.sort();
    accounts.dedup();
    Ok(accounts
        .into_iter()
        .filter(|id| org.shard.is_none_or(|shard| shard.contains(id)))
        .map(|account_id| {
            let role_arn = (account_id != start.account_id).then(|| {
                format!(
                    "arn:{}:iam::{account_id}:role/{}",
                    start.partition,
                    org.role_name.trim_start_matches('/')
                )
            });
            Target {
                account_id,
                role_arn,
            }
        })
        .collect())
}

/// The regions each account is read in.
pub(crate) struct AccountRegions<'a> {
    /// The caller's account's.
    pub(crate) caller: &'a [String],
    /// `--region all`: each member account's own enabled regions, since
    /// members opt in to regions independently of the caller.
    pub(crate) each_enabled: bool,
}

pub(crate) async fn collect_all(
    start: &Start,
    targets: Vec<Target>,
    regions: AccountRegions<'_>,
    settings: &Arc<Settings>,
    limiter: &Arc<Limiter>,
    progress: &Arc<dyn Progress>,
    accounts_in_parallel: usize,
) -> Vec<Snapshot> {
    let regions = &regions;
    futures::stream::iter(targets)
        .map(|target| collect_one(start, target, regions, settings, limiter, progress))
        .buffered(accounts_in_parallel.max(1))
        .collect()
        .await
}

/// The regions to read `target` in: with `--region all`, a member's own
/// enabled regions when they can be listed (else the caller's, and why).
async fn account_regions(
    start: &Start,
    target: &Target,
    config: &aws_types::SdkConfig,
    reachable: bool,
    regions: &AccountRegions<'_>,
) -> (Vec<String>, Option<CollectionError>) {
    let caller = regions.caller.to_vec();
    let Some(role_arn) = target
        .role_arn
        .as_deref()
        .filter(|_| reachable && regions.each_enabled)
    else {
        return (caller, None);
    };
    let home = caller
        .first()
        .cloned()
        .unwrap_or_else(|| start.home_region.clone());
    match session::enabled_regions(config, &home).await {
        Ok(own) => (own, None),
        Err(error) => {
            let error = crate::error::CallError::from_sdk("DescribeRegions", error);
            let error = CollectionError {
                service: "ec2".to_owned(),
                region: "global".to_owned(),
                operation: "DescribeRegions".to_owned(),
                code: error.code,
                message: format!(
                    "cannot list the regions enabled for this account with {role_arn}, so \
                     it was read in the caller's regions: {}",
                    error.message
                ),
                resource_types: Vec::new(),
            };
            (caller, Some(error))
        }
    }
}

async fn collect_one(
    start: &Start,
    target: Target,
    regions: &AccountRegions<'_>,
    settings: &Arc<Settings>,
    limiter: &Arc<Limiter>,
    progress: &Arc<dyn Progress>,
) -> Snapshot {
    let (config, entry_error) = match &target.role_arn {
        None => (start.config.clone(), None),
        Some(role_arn) => {
            let config = session::assume(&start.config, role_arn, None).await;
            let check = aws_sdk_sts::Client::new(&config)
                .get_caller_identity()
                .send()
                .await;
            let error = check
                .err()
                .map(|e| crate::error::CallError::from_sdk("AssumeRole", e));
            (config, error)
        }
    };
    let (regions, regions_error) =
        account_regions(start, &target, &config, entry_error.is_none(), regions).await;
    let mut errors = Vec::new();
    if let Some(error) = regions_error {
        progress.failed(&target.account_id, &error);
        errors.push(error);
    }
    let regions = regions.as_slice();
    let account = Account::new(
        target.account_id.clone(),
        start.partition.clone(),
        config,
        regions
            .first()
            .cloned()
            .unwrap_or_else(|| start.home_region.clone()),
        regions.to_vec(),
        Arc::clone(settings),
        Arc::clone(limiter),
        Arc::clone(progress),
    );
    let mut resources = Vec::new();
    if let Some(error) = entry_error {
        // Nothing of this account could be read: every type is missing.
        let error = CollectionError {
            service: "sts".to_owned(),
            region: "global".to_owned(),
            operation: "AssumeRole".to_owned(),
            code: error.code,
            message: format!(
                "cannot assume {}: {}",
                target.role_arn.as_deref().unwrap_or_default(),
                error.message
            ),
            resource_types: crate::services::collected_types()
                .into_iter()
                .map(str::to_owned)
                .collect(),
        };
        progress.failed(&target.account_id, &error);
        errors.push(error);
    } else {
        let units = crate::services::units(&account);
        progress.planned(&account.id, units.len());
        futures::future::join_all(units.into_iter().map(|unit| unit.work)).await;
        let found = account.take_found();
        resources = found.resources;
        errors.extend(found.errors);
        let mut tagged = found.tagged;
        // Units finish in any order; the account's region order is stable,
        // so an S3 bucket (whose ARN has no region, and which every
        // region's endpoint may list) always lands in the same region.
        tagged.sort_by_key(|(region, _, _)| {
            account
                .regions
                .iter()
                .position(|r| r == region)
                .unwrap_or(usize::MAX)
        });
        crate::services::merge_tagged(&mut resources, tagged, &account.id);
    }
    resources.sort_by(|a, b| {
        (&a.resource_type, &a.aws_region, &a.resource_id).cmp(&(
            &b.resource_type,
            &b.aws_region,
            &b.resource_id,
        ))
    });
    errors.sort_by(|a, b| {
        (&a.service, &a.region, &a.operation, &a.message).cmp(&(
            &b.service,
            &b.region,
            &b.operation,
            &b.message,
        ))
    });
    Snapshot {
        schema_version: SCHEMA_VERSION,
        account_id: target.account_id,
        partition: start.partition.clone(),
        regions: regions.to_vec(),
        collected_at: jiff::Timestamp::now(),
        collection_errors: errors,
        resources,
    }
}

#[cfg(test)]
mod tests {
    use super::Shard;

    #[test]
    fn shards_split_accounts_exactly_once() {
        let accounts: Vec<String> = (0..500)
            .map(|i| format!("{:012}", 100_000_000_000_u64 + i * 7919))
            .collect();
        let shards: Vec<Shard> = (1..=4).map(|k| format!("{k}/4").parse().unwrap()).collect();
        let mut sizes = [0; 4];
        for account in &accounts {
            let owners: Vec<usize> = (0..4).filter(|&s| shards[s].contains(account)).collect();
            assert_eq!(owners.len(), 1, "{account} in shards {owners:?}");
            sizes[owners[0]] += 1;
        }
        assert!(
            sizes.iter().all(|&n| n > 80),
            "unbalanced shards: {sizes:?}"
        );
    }

    #[test]
    fn bad_shards_are_refused() {
        for bad in ["0/4", "5/4", "1/0", "1", "a/b", "2/"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        assert!("1/1".parse::<Shard>().unwrap().contains("123456789012"));
    }
}
