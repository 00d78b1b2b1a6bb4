//! Publishing findings to AWS Security Hub (CSPM) so that it shows exactly
//! the current state, and nothing outside the scan is touched.
//!
//! For each account and region: the hub must be enabled (`DescribeHub`);
//! parapet's findings already there are read (`GetFindings`, filtered on
//! the account's custom product, parapet's generator ids, the account and
//! the region, and filtered again here, since a filter is a request, not a
//! promise); the scan's findings are imported keeping each one's original
//! `CreatedAt` and `FirstObservedAt`; and every parapet finding still
//! `ACTIVE` there, absent from this import, whose (account, region, check)
//! the scan covered completely ([`Scope`]), is re-imported as `ARCHIVED`.
//! A partial scan therefore never archives what it did not check.
//!
//! Requests hold at most 100 findings and 6 MB, go out within Security
//! Hub's limits (10 imports a second with bursts of 30, 3 reads a second
//! with bursts of 6) on top of the SDK's retries, and findings Security Hub
//! refuses for a passing reason are sent again; the rest are listed with
//! their error code and message.

mod batch;
mod convert;
mod pace;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::time::Duration;

use aws_sdk_securityhub::Client;
use aws_sdk_securityhub::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_securityhub::types::{AwsSecurityFindingFilters, StringFilter, StringFilterComparison};
use futures::StreamExt as _;
use parapet_collect::{CollectError, CollectOptions, Session};

use crate::output::WriteError;
use crate::report::asff::{AsffFinding, ImportRequest, product_arn, timestamp};
use crate::report::read::PastFinding;
use crate::report::scope::Scope;

/// Rounds of re-sending findings Security Hub refused for a passing reason.
const RETRY_ROUNDS: u32 = 3;
/// Every parapet finding's `GeneratorId` starts with this.
const GENERATOR_PREFIX: &str = "parapet/";

/// How to publish.
#[derive(Debug, Clone, Default)]
pub struct PublishOptions {
    /// Send only `FAILED` findings (the rest of this product's active
    /// findings in scope are then archived, as fixed or not failing).
    pub only_failed: bool,
    /// Read Security Hub and say what would be sent, without sending.
    pub dry_run: bool,
    /// Archive active findings the scan no longer reports (default on).
    pub archive: bool,
    /// Also write every `BatchImportFindings` request body here.
    pub save_requests: Option<PathBuf>,
    /// With findings of other accounts: the role to assume in each (`--org`).
    pub org_role: Option<String>,
}

/// Why publishing could not start.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("{0}")]
    Session(#[from] CollectError),
    #[error("cannot start the publisher's runtime: {0}")]
    Runtime(#[from] std::io::Error),
}

/// A finding Security Hub did not take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed {
    pub id: String,
    pub account: String,
    pub region: String,
    pub code: String,
    pub message: String,
}

/// A finding archived, or that a dry run would archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archived {
    pub id: String,
    pub account: String,
    pub region: String,
    pub title: String,
    pub resource: String,
}

/// What publishing did (or, in a dry run, would do).
#[derive(Debug, Default)]
pub struct Published {
    pub imported: usize,
    pub archived: Vec<Archived>,
    pub failed: Vec<Failed>,
    /// Findings the scan had but did not send (`--only-failed`).
    pub skipped: usize,
    pub requests: usize,
    /// Whole regions or accounts that could not be published, and why.
    pub problems: Vec<String>,
    pub dry_run: bool,
}

impl Published {
    fn extend(&mut self, other: Published) {
        self.imported += other.imported;
        self.archived.extend(other.archived);
        self.failed.extend(other.failed);
        self.skipped += other.skipped;
        self.requests += other.requests;
        self.problems.extend(other.problems);
    }

    /// Whether every finding that should have gone went.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.failed.is_empty() && self.problems.is_empty()
    }
}

/// A connection to Security Hub with the caller's credentials.
pub struct Publisher {
    runtime: tokio::runtime::Runtime,
    session: Session,
    options: PublishOptions,
}

impl Publisher {
    /// Resolves credentials as `collect` does (profile, role, retries).
    ///
    /// # Errors
    /// When there are no usable credentials.
    pub fn start(
        credentials: &CollectOptions,
        options: PublishOptions,
    ) -> Result<Self, PublishError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let session = runtime.block_on(Session::start(credentials))?;
        Ok(Self {
            runtime,
            session,
            options,
        })
    }

    /// The account the credentials belong to.
    #[must_use]
    pub fn caller_account(&self) -> &str {
        self.session.account_id()
    }

    /// Publishes `findings` (of any accounts and regions); `scope` says
    /// what the scan covered, and so what may be archived.
    pub fn publish(&self, findings: Vec<AsffFinding>, scope: &Scope) -> Published {
        self.runtime.block_on(self.publish_all(findings, scope))
    }

    async fn publish_all(&self, findings: Vec<AsffFinding>, scope: &Scope) -> Published {
        let mut work: BTreeMap<(String, String), Vec<AsffFinding>> = BTreeMap::new();
        for (account, region) in scope.account_regions() {
            work.entry((account, region)).or_default();
        }
        for finding in findings {
            work.entry((finding.aws_account_id.clone(), finding.region.clone()))
                .or_default()
                .push(finding);
        }
        let mut published = Published {
            dry_run: self.options.dry_run,
            ..Published::default()
        };
        let accounts: BTreeSet<String> = work.keys().map(|(a, _)| a.clone()).collect();
        for account in accounts {
            let regions: Vec<(String, Vec<AsffFinding>)> = {
                let keys: Vec<(String, String)> = work
                    .keys()
                    .filter(|(a, _)| *a == account)
                    .cloned()
                    .collect();
                keys.into_iter()
                    .filter_map(|key| work.remove(&key).map(|f| (key.1, f)))
                    .collect()
            };
            let Some(config) = self.config_for(&account).await else {
                published.extend(self.refuse_cross_account(&account, regions));
                continue;
            };
            let results = futures::stream::iter(regions)
                .map(|(region, findings)| {
                    let config = config
                        .to_builder()
                        .region(aws_types::region::Region::new(region.clone()))
                        .build();
                    let account = account.clone();
                    async move {
                        let client = Client::new(&config);
                        self.publish_region(&client, &account, &region, findings, scope)
                            .await
                    }
                })
                .buffer_unordered(4)
                .collect::<Vec<Published>>()
                .await;
            for result in results {
                published.extend(result);
            }
        }
        published.failed.sort_by(|a, b| a.id.cmp(&b.id));
        published.archived.sort_by(|a, b| a.id.cmp(&b.id));
        published
    }

    /// The caller's configuration in its own account, a role's in another
    /// (with `--org`), or `None`: Security Hub would refuse the findings.
    async fn config_for(&self, account: &str) -> Option<aws_types::SdkConfig> {
        if account == self.session.account_id() {
            return Some(self.session.config("us-east-1"));
        }
        let role = self.options.org_role.as_deref()?;
        Some(self.session.in_account(account, role).await)
    }

    fn refuse_cross_account(
        &self,
        account: &str,
        regions: Vec<(String, Vec<AsffFinding>)>,
    ) -> Published {
        let caller = self.session.account_id();
        let message = format!(
            "these credentials are of account {caller}, and without a partner product integration \
             Security Hub imports a finding only from the account in its AwsAccountId; publish \
             account {account}'s findings with its own credentials (--profile or --role-arn), or \
             pass --org to assume --org-role in each account"
        );
        let mut published = Published::default();
        let count: usize = regions.iter().map(|(_, f)| f.len()).sum();
        for (region, findings) in regions {
            for finding in findings {
                published.failed.push(Failed {
                    id: finding.id,
                    account: account.to_owned(),
                    region: region.clone(),
                    code: "CrossAccount".to_owned(),
                    message: message.clone(),
                });
            }
        }
        published.problems.push(format!(
            "account {account}: {count} finding(s) not published: {message}"
        ));
        published
    }

    async fn publish_region(
        &self,
        client: &Client,
        account: &str,
        region: &str,
        findings: Vec<AsffFinding>,
        scope: &Scope,
    ) -> Published {
        let mut published = Published::default();
        let fail_all = |published: &mut Published,
                        findings: &[AsffFinding],
                        code: &str,
                        why: &str| {
            for finding in findings {
                published.failed.push(Failed {
                    id: finding.id.clone(),
                    account: account.to_owned(),
                    region: region.to_owned(),
                    code: code.to_owned(),
                    message: why.to_owned(),
                });
            }
            published.problems.push(format!(
                "account {account}, {region}: {why}; {} finding(s) not published and nothing archived there",
                findings.len()
            ));
        };
        if let Err(error) = client.describe_hub().send().await {
            let (code, message) = describe(&error);
            let why = if code == "InvalidAccessException" || message.contains("not subscribed") {
                format!(
                    "Security Hub is not enabled ({code}: {message}); enable it with \
                     `aws securityhub enable-security-hub --region {region}`, or scan without this region"
                )
            } else {
                format!(
                    "cannot reach Security Hub (DescribeHub {code}: {message}){}",
                    permission_hint(&code, "securityhub:DescribeHub")
                )
            };
            fail_all(&mut published, &findings, &code, &why);
            return published;
        }
        let existing = match self.existing(client, account, region).await {
            Ok(existing) => existing,
            Err((code, message)) => {
                let why = format!(
                    "cannot read the findings already there (GetFindings {code}: {message}){}, so \
                     nothing was imported: their first-seen times would be lost and fixed ones left active",
                    permission_hint(&code, "securityhub:GetFindings")
                );
                fail_all(&mut published, &findings, &code, &why);
                return published;
            }
        };
        let existing_by_id: HashMap<&str, &AsffFinding> =
            existing.iter().map(|f| (f.id.as_str(), f)).collect();

        let mut to_send = Vec::new();
        for mut finding in findings {
            if self.options.only_failed && finding.compliance.status != "FAILED" {
                published.skipped += 1;
                continue;
            }
            if let Some(prior) = existing_by_id.get(finding.id.as_str()) {
                // Security Hub's record of the finding is older than any scan's.
                if !prior.created_at.is_empty() {
                    finding.created_at.clone_from(&prior.created_at);
                }
                if !prior.first_observed_at.is_empty() {
                    finding
                        .first_observed_at
                        .clone_from(&prior.first_observed_at);
                }
            }
            to_send.push(finding);
        }
        let imported_ids: HashSet<String> = to_send.iter().map(|f| f.id.clone()).collect();
        let import_count = to_send.len();
        let now = timestamp(jiff::Timestamp::now());
        let mut archive_ids = HashSet::new();
        if self.options.archive {
            for prior in &existing {
                if prior.record_state != "ACTIVE" || imported_ids.contains(&prior.id) {
                    continue;
                }
                let past = PastFinding::from_asff(prior);
                if !scope.covers(account, region, &past.check) {
                    continue;
                }
                let mut archived = (*prior).clone();
                archived.record_state = "ARCHIVED".to_owned();
                archived.updated_at.clone_from(&now);
                published.archived.push(Archived {
                    id: archived.id.clone(),
                    account: account.to_owned(),
                    region: region.to_owned(),
                    title: archived.title.clone(),
                    resource: format!("{} {}", past.resource_type, past.resource_id),
                });
                archive_ids.insert(archived.id.clone());
                to_send.push(archived);
            }
        }

        let (requests, oversized) = batch::batches(to_send, batch::MAX_REQUEST_BYTES);
        for big in oversized {
            published.failed.push(Failed {
                id: big.id,
                account: account.to_owned(),
                region: region.to_owned(),
                code: "FindingTooLarge".to_owned(),
                message: format!(
                    "{} bytes, over Security Hub's 240 KB per finding; shorten the plugin's evidence",
                    big.bytes
                ),
            });
        }
        published.requests = requests.len();
        if let Some(dir) = &self.options.save_requests {
            for (n, request) in requests.iter().enumerate() {
                if let Err(error) = save_request(dir, account, region, n, request) {
                    published.problems.push(error.to_string());
                }
            }
        }
        if self.options.dry_run {
            published.imported = import_count;
            return published;
        }
        let mut bucket = pace::Bucket::new(pace::IMPORT, std::time::Instant::now());
        let mut refused: Vec<Failed> = Vec::new();
        let mut sent_ok: HashSet<String> = HashSet::new();
        for request in requests {
            let mut pending = request;
            for round in 0..=RETRY_ROUNDS {
                if round > 0 {
                    tokio::time::sleep(Duration::from_secs(1 << (round - 1))).await;
                }
                bucket.wait().await;
                let (retry, failed) = self
                    .import(client, account, region, &pending, &mut sent_ok)
                    .await;
                refused.extend(failed);
                if retry.is_empty() {
                    break;
                }
                if round == RETRY_ROUNDS {
                    refused.extend(retry.into_iter().map(|(finding, code, message)| Failed {
                        id: finding.id,
                        account: account.to_owned(),
                        region: region.to_owned(),
                        code,
                        message: format!("{message} (still refused after {RETRY_ROUNDS} retries)"),
                    }));
                    break;
                }
                pending = retry.into_iter().map(|(finding, _, _)| finding).collect();
            }
        }
        published.imported = sent_ok
            .iter()
            .filter(|id| !archive_ids.contains(*id))
            .count();
        published.archived.retain(|a| sent_ok.contains(&a.id));
        published.failed.extend(refused);
        published
    }

    /// One `BatchImportFindings`: the findings to send again, and those
    /// refused for good.
    #[allow(clippy::type_complexity)]
    async fn import(
        &self,
        client: &Client,
        account: &str,
        region: &str,
        findings: &[AsffFinding],
        sent_ok: &mut HashSet<String>,
    ) -> (Vec<(AsffFinding, String, String)>, Vec<Failed>) {
        let request = client
            .batch_import_findings()
            .set_findings(Some(findings.iter().map(convert::to_sdk).collect()));
        let failed = |code: &str, message: &str| Failed {
            id: String::new(),
            account: account.to_owned(),
            region: region.to_owned(),
            code: code.to_owned(),
            message: message.to_owned(),
        };
        match request.send().await {
            Ok(output) => {
                let mut by_id: HashMap<&str, (String, String)> = HashMap::new();
                for error in output.failed_findings() {
                    by_id.insert(
                        error.id().unwrap_or_default(),
                        (
                            error.error_code().unwrap_or("Unknown").to_owned(),
                            error.error_message().unwrap_or_default().to_owned(),
                        ),
                    );
                }
                let mut retry = Vec::new();
                let mut refused = Vec::new();
                for finding in findings {
                    match by_id.get(finding.id.as_str()) {
                        None => {
                            sent_ok.insert(finding.id.clone());
                        }
                        Some((code, message)) if retryable(code) => {
                            retry.push((finding.clone(), code.clone(), message.clone()));
                        }
                        Some((code, message)) => refused.push(Failed {
                            id: finding.id.clone(),
                            ..failed(code, message)
                        }),
                    }
                }
                (retry, refused)
            }
            Err(error) => {
                let (code, message) = describe(&error);
                let message = format!(
                    "BatchImportFindings failed: {message}{}",
                    permission_hint(&code, "securityhub:BatchImportFindings")
                );
                let refused = findings
                    .iter()
                    .map(|f| Failed {
                        id: f.id.clone(),
                        ..failed(&code, &message)
                    })
                    .collect();
                (Vec::new(), refused)
            }
        }
    }

    /// parapet's findings in Security Hub for this account and region, any
    /// record state.
    async fn existing(
        &self,
        client: &Client,
        account: &str,
        region: &str,
    ) -> Result<Vec<AsffFinding>, (String, String)> {
        let product = product_arn(self.session.partition(), region, account);
        let equals = |value: &str| {
            StringFilter::builder()
                .comparison(StringFilterComparison::Equals)
                .value(value)
                .build()
        };
        let filters = AwsSecurityFindingFilters::builder()
            .product_arn(equals(&product))
            .aws_account_id(equals(account))
            .region(equals(region))
            .generator_id(
                StringFilter::builder()
                    .comparison(StringFilterComparison::Prefix)
                    .value(GENERATOR_PREFIX)
                    .build(),
            )
            .build();
        let mut pages = client
            .get_findings()
            .filters(filters)
            .max_results(100)
            .into_paginator()
            .send();
        let mut bucket = pace::Bucket::new(pace::READ, std::time::Instant::now());
        let mut found = Vec::new();
        loop {
            bucket.wait().await;
            match pages.next().await {
                None => break,
                Some(Ok(page)) => found.extend(page.findings().iter().map(convert::from_sdk)),
                Some(Err(error)) => return Err(describe(&error)),
            }
        }
        // Whatever the server did with the filters, touch only what is ours here.
        found.retain(|f| {
            f.product_arn == product
                && f.aws_account_id == account
                && f.region == region
                && f.generator_id.starts_with(GENERATOR_PREFIX)
        });
        Ok(found)
    }
}

/// Failed findings Security Hub says may succeed if sent again.
fn retryable(code: &str) -> bool {
    [
        "Throttl",
        "TooManyRequests",
        "LimitExceeded",
        "Internal",
        "ServiceUnavailable",
    ]
    .iter()
    .any(|part| code.contains(part))
}

fn permission_hint(code: &str, action: &str) -> String {
    if code.starts_with("AccessDenied") || code == "UnauthorizedOperation" {
        format!(
            " (allow {action} for the publishing identity; see docs/permissions.md. For findings of \
             another account: Security Hub imports a finding only from the account in its AwsAccountId)"
        )
    } else {
        String::new()
    }
}

/// An SDK error's code and message, without the SDK's debug dumps.
fn describe<E, R>(error: &SdkError<E, R>) -> (String, String)
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    match error {
        SdkError::ServiceError(service) => {
            let inner = service.err();
            (
                inner.code().unwrap_or("ServiceError").to_owned(),
                inner
                    .message()
                    .map_or_else(|| DisplayErrorContext(inner).to_string(), str::to_owned),
            )
        }
        SdkError::TimeoutError(_) => ("Timeout".to_owned(), DisplayErrorContext(error).to_string()),
        SdkError::DispatchFailure(_) => (
            "Unreachable".to_owned(),
            DisplayErrorContext(error).to_string(),
        ),
        _ => (
            "RequestFailed".to_owned(),
            DisplayErrorContext(error).to_string(),
        ),
    }
}

fn save_request(
    dir: &std::path::Path,
    account: &str,
    region: &str,
    n: usize,
    findings: &[AsffFinding],
) -> Result<(), WriteError> {
    std::fs::create_dir_all(dir).map_err(|e| WriteError::new(&dir.display().to_string(), e))?;
    let path = dir.join(format!("{account}-{region}-{:04}.json", n + 1));
    let request = ImportRequest {
        findings: findings.to_vec(),
    };
    crate::output::write_atomically_with(&path, |out| {
        serde_json::to_writer_pretty(&mut *out, &request)?;
        out.write_all(b"\n")
    })
}

#[cfg(test)]
mod tests {
    use super::retryable;

    #[test]
    fn passing_refusals_are_retried_and_invalid_input_is_not() {
        assert!(retryable("ThrottlingException"));
        assert!(retryable("InternalException"));
        assert!(!retryable("InvalidInput"));
        assert!(!retryable("AccessDeniedException"));
    }
}
