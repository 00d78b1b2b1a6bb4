//! What a check sees of the scan: resources by type, the scan context,
//! collection errors, its settings and a log.

use std::cell::RefCell;

use parapet_snapshot::types::{ACCOUNT, ResourceKind};
use parapet_snapshot::{CollectionError, ConfigurationItem, SnapshotIndex};
use serde::de::DeserializeOwned;

use crate::{Finding, PluginError, ResourceRef, Status};

/// Log levels for [`Context::log`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LogLevel {
    Trace,
    Debug,
    Info,
    Warn,
    Error,
}

/// What was scanned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanContext {
    pub account_id: String,
    pub partition: String,
    pub regions: Vec<String>,
    /// When the snapshot was collected: measure ages from here, not from the
    /// wall clock, so a saved snapshot always gives the same findings.
    pub collected_at: jiff::Timestamp,
}

/// The scan as one check sees it.
pub struct Context {
    check_id: String,
    source: Source,
}

enum Source {
    /// Inside the sandbox: everything comes from host calls.
    Host,
    /// Native tests: everything comes from a snapshot in memory.
    Fixture(Box<Fixture>),
}

struct Fixture {
    index: SnapshotIndex,
    settings: serde_json::Value,
    log: RefCell<Vec<(LogLevel, String)>>,
}

impl Context {
    pub(crate) fn host(check_id: &str) -> Self {
        Self {
            check_id: check_id.to_owned(),
            source: Source::Host,
        }
    }

    pub(crate) fn fixture(
        check_id: &str,
        index: SnapshotIndex,
        settings: serde_json::Value,
    ) -> Self {
        Self {
            check_id: check_id.to_owned(),
            source: Source::Fixture(Box::new(Fixture {
                index,
                settings,
                log: RefCell::default(),
            })),
        }
    }

    /// The id of the check being evaluated.
    #[must_use]
    pub fn check_id(&self) -> &str {
        &self.check_id
    }

    /// The account, partition, regions and collection time.
    pub fn scan(&self) -> Result<ScanContext, PluginError> {
        match &self.source {
            Source::Host => crate::guest::scan_context(),
            Source::Fixture(fixture) => {
                let snapshot = fixture.index.snapshot();
                Ok(ScanContext {
                    account_id: snapshot.account_id.clone(),
                    partition: snapshot.partition.clone(),
                    regions: snapshot.regions.clone(),
                    collected_at: snapshot.collected_at,
                })
            }
        }
    }

    /// Every resource of type `T`, with a typed `configuration`.
    pub fn resources<T: ResourceKind>(&self) -> Result<Vec<ConfigurationItem<T>>, PluginError> {
        self.resources_of(T::RESOURCE_TYPE)
    }

    /// Every resource of `resource_type`, with `configuration` read as `C`
    /// (use `serde_json::Value` for types the SDK has no struct for).
    pub fn resources_of<C: DeserializeOwned + Default>(
        &self,
        resource_type: &str,
    ) -> Result<Vec<ConfigurationItem<C>>, PluginError> {
        let texts = match &self.source {
            Source::Host => crate::guest::resources(resource_type),
            Source::Fixture(fixture) => fixture
                .index
                .resources(resource_type)
                .map(|item| serde_json::to_string(item).unwrap_or_default())
                .collect(),
        };
        texts
            .iter()
            .map(|text| {
                serde_json::from_str(text).map_err(|error| {
                    PluginError::InvalidResource(format!(
                        "a {resource_type} item does not have the expected shape: {error} (item: {})",
                        preview(text)
                    ))
                })
            })
            .collect()
    }

    /// Collection errors that may have hidden resources of `resource_type`.
    /// A check must not conclude "nothing wrong" from an absence these explain.
    #[must_use]
    pub fn collection_errors(&self, resource_type: &str) -> Vec<CollectionError> {
        match &self.source {
            Source::Host => crate::guest::collection_errors(resource_type),
            Source::Fixture(fixture) => fixture
                .index
                .collection_errors(resource_type)
                .cloned()
                .collect(),
        }
    }

    /// The plugin's settings from the user's configuration, read as `T`
    /// (missing keys take `T`'s defaults when `T` uses `#[serde(default)]`).
    pub fn settings<T: DeserializeOwned>(&self) -> Result<T, PluginError> {
        let value = match &self.source {
            Source::Host => crate::guest::settings()?,
            Source::Fixture(fixture) => fixture.settings.clone(),
        };
        serde_json::from_value(value)
            .map_err(|error| PluginError::InvalidSettings(error.to_string()))
    }

    /// Writes to the host's log.
    pub fn log(&self, level: LogLevel, message: &str) {
        match &self.source {
            Source::Host => crate::guest::log(level, message),
            Source::Fixture(fixture) => fixture.log.borrow_mut().push((level, message.to_owned())),
        }
    }

    /// Lines logged so far (native tests only; empty inside the sandbox).
    #[must_use]
    pub fn logged(&self) -> Vec<(LogLevel, String)> {
        match &self.source {
            Source::Host => Vec::new(),
            Source::Fixture(fixture) => fixture.log.borrow().clone(),
        }
    }

    /// A finding of this check about `resource`.
    pub fn finding(
        &self,
        resource: impl Into<ResourceRef>,
        status: Status,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            check_id: self.check_id.clone(),
            resource: resource.into(),
            status,
            severity: None,
            message: message.into(),
            evidence: None,
        }
    }

    /// The account as a resource (`AWS::::Account`), for account-wide findings.
    pub fn account(&self, region: &str) -> Result<ResourceRef, PluginError> {
        let scan = self.scan()?;
        Ok(ResourceRef {
            resource_type: ACCOUNT.to_owned(),
            id: parapet_snapshot::types::account_resource_id(&scan.account_id),
            region: region.to_owned(),
            account: scan.account_id,
        })
    }
}

fn preview(text: &str) -> &str {
    let end = text
        .char_indices()
        .nth(160)
        .map_or(text.len(), |(at, _)| at);
    &text[..end]
}
