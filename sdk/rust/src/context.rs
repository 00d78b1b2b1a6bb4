//! What a check sees of the scan: resources by type, the scan context,
//! collection errors, its settings and a log.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::HashMap;

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
    memo: AnyCache,
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
                memo: RefCell::default(),
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
    pub fn resources_of<C: DeserializeOwned + Default + Clone + 'static>(
        &self,
        resource_type: &str,
    ) -> Result<Vec<ConfigurationItem<C>>, PluginError> {
        match &self.source {
            // The snapshot does not change while a plugin instance lives, so
            // every check of the plugin shares one parse of each type.
            Source::Host => PARSED.with(|cache| {
                let key = (resource_type.to_owned(), TypeId::of::<C>());
                if let Some(items) = cache
                    .borrow()
                    .get(&key)
                    .and_then(|any| any.downcast_ref::<Vec<ConfigurationItem<C>>>())
                {
                    return Ok(items.clone());
                }
                let items =
                    parse_items::<C>(resource_type, &crate::guest::resources(resource_type))?;
                cache.borrow_mut().insert(key, Box::new(items.clone()));
                Ok(items)
            }),
            Source::Fixture(fixture) => {
                let texts: Vec<String> = fixture
                    .index
                    .resources(resource_type)
                    .map(|item| serde_json::to_string(item).unwrap_or_default())
                    .collect();
                parse_items(resource_type, &texts)
            }
        }
    }

    /// `compute`'s result, computed once and shared by every check of the
    /// plugin run (the snapshot does not change between them): for work
    /// several checks need, such as parsing every policy document. Use an
    /// `Rc` for large values; `key` names the work.
    pub fn memo<T: Clone + 'static>(
        &self,
        key: &str,
        compute: impl FnOnce() -> Result<T, PluginError>,
    ) -> Result<T, PluginError> {
        let lookup = |memo: &AnyCache| {
            memo.borrow()
                .get(&(key.to_owned(), TypeId::of::<T>()))
                .and_then(|v| v.downcast_ref::<T>())
                .cloned()
        };
        let store = |memo: &AnyCache, value: &T| {
            memo.borrow_mut()
                .insert((key.to_owned(), TypeId::of::<T>()), Box::new(value.clone()));
        };
        let cached = match &self.source {
            Source::Host => MEMO.with(lookup),
            Source::Fixture(fixture) => lookup(&fixture.memo),
        };
        if let Some(value) = cached {
            return Ok(value);
        }
        let value = compute()?;
        match &self.source {
            Source::Host => MEMO.with(|memo| store(memo, &value)),
            Source::Fixture(fixture) => store(&fixture.memo, &value),
        }
        Ok(value)
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

/// Values of any type, by name and type.
type AnyCache = RefCell<HashMap<(String, TypeId), Box<dyn Any>>>;

thread_local! {
    /// Parsed resources by type and configuration type, inside the sandbox.
    static PARSED: AnyCache = RefCell::new(HashMap::new());
    /// `Context::memo` values, inside the sandbox.
    static MEMO: AnyCache = RefCell::new(HashMap::new());
}

fn parse_items<C: DeserializeOwned + Default>(
    resource_type: &str,
    texts: &[String],
) -> Result<Vec<ConfigurationItem<C>>, PluginError> {
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

fn preview(text: &str) -> &str {
    let end = text
        .char_indices()
        .nth(160)
        .map_or(text.len(), |(at, _)| at);
    &text[..end]
}
