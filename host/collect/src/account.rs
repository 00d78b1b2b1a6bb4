//! One account's collection: its regions, its units of work, what they found.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};

use aws_config::SdkConfig;
use aws_smithy_async::future::pagination_stream::PaginationStream;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use aws_types::region::Region;
use parapet_snapshot::{CollectionError, ConfigurationItem};
use serde_json::Value;

use crate::error::CallError;
use crate::limiter::Limiter;
use crate::{Progress, Settings};

/// The label of global services' resources and calls.
pub(crate) const GLOBAL: &str = "global";

pub(crate) struct Account {
    pub(crate) id: String,
    pub(crate) partition: String,
    pub(crate) config: SdkConfig,
    /// Where global services are called.
    pub(crate) home_region: String,
    pub(crate) regions: Vec<String>,
    pub(crate) settings: Arc<Settings>,
    pub(crate) limiter: Arc<Limiter>,
    pub(crate) progress: Arc<dyn Progress>,
    found: Mutex<Found>,
}

#[derive(Default)]
pub(crate) struct Found {
    pub(crate) resources: Vec<ConfigurationItem>,
    pub(crate) errors: Vec<CollectionError>,
    /// What the Resource Groups Tagging API listed: (region, ARN, tags).
    pub(crate) tagged: Vec<(String, String, std::collections::BTreeMap<String, String>)>,
}

/// A unit of work: one listing (and the calls that complete its items),
/// whose failure hides the resource types it declares.
pub(crate) struct Unit<'a> {
    pub(crate) types: &'static [&'static str],
    pub(crate) work: Pin<Box<dyn Future<Output = ()> + Send + 'a>>,
}

/// What a unit's code works with: its account, region and service.
#[derive(Clone)]
pub(crate) struct Scope<'a> {
    pub(crate) account: &'a Account,
    /// The region resources are recorded in (`global` for global services).
    pub(crate) region: String,
    /// The region API calls go to.
    pub(crate) endpoint_region: String,
    pub(crate) service: &'static str,
    pub(crate) types: &'static [&'static str],
}

impl Account {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        id: String,
        partition: String,
        config: SdkConfig,
        home_region: String,
        regions: Vec<String>,
        settings: Arc<Settings>,
        limiter: Arc<Limiter>,
        progress: Arc<dyn Progress>,
    ) -> Self {
        Self {
            id,
            partition,
            config,
            home_region,
            regions,
            settings,
            limiter,
            progress,
            found: Mutex::new(Found::default()),
        }
    }

    /// An account that is never called: lists the units a real one would run.
    pub(crate) fn offline() -> Self {
        Self::new(
            "000000000000".to_owned(),
            "aws".to_owned(),
            SdkConfig::builder().build(),
            "us-east-1".to_owned(),
            vec!["us-east-1".to_owned()],
            Arc::new(Settings {
                cost: true,
                cost_tag_keys: Vec::new(),
            }),
            Arc::new(Limiter::new(1)),
            Arc::new(crate::Silent),
        )
    }

    /// A unit calling `service` in `region` (or in the home region when
    /// `region` is [`GLOBAL`]).
    pub(crate) fn unit<'a, F, Fut>(
        &'a self,
        service: &'static str,
        region: &str,
        types: &'static [&'static str],
        work: F,
    ) -> Unit<'a>
    where
        F: FnOnce(Scope<'a>) -> Fut + Send + 'a,
        Fut: Future<Output = Result<(), CallError>> + Send + 'a,
    {
        let endpoint_region = if region == GLOBAL {
            self.home_region.clone()
        } else {
            region.to_owned()
        };
        let scope = Scope {
            account: self,
            region: region.to_owned(),
            endpoint_region,
            service,
            types,
        };
        Unit {
            types,
            work: Box::pin(async move {
                let outcome = work(scope.clone()).await;
                if let Err(error) = outcome {
                    scope.fail(error);
                }
                self.progress.finished(&self.id, service, &scope.region);
            }),
        }
    }

    pub(crate) fn take_found(&self) -> Found {
        std::mem::take(&mut *self.found.lock().unwrap_or_else(PoisonError::into_inner))
    }

    pub(crate) fn arn(&self, service: &str, region: &str, resource: &str) -> String {
        let region = if region == GLOBAL { "" } else { region };
        format!(
            "arn:{}:{service}:{region}:{}:{resource}",
            self.partition, self.id
        )
    }
}

impl Scope<'_> {
    /// The SDK configuration for this scope's endpoint region.
    pub(crate) fn config(&self) -> SdkConfig {
        self.account
            .config
            .to_builder()
            .region(Region::new(self.endpoint_region.clone()))
            .build()
    }

    /// Makes one API call under the collection's limit.
    pub(crate) async fn call<T, E>(
        &self,
        operation: &'static str,
        request: impl Future<Output = Result<T, SdkError<E, HttpResponse>>>,
    ) -> Result<T, CallError>
    where
        E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    {
        let _slot = self.account.limiter.slot().await;
        request
            .await
            .map_err(|error| CallError::from_sdk(operation, error))
    }

    /// Every page of a paginated call, each page one call under the limit;
    /// a failure on any page fails the listing (no silently short list).
    pub(crate) async fn pages<O, E>(
        &self,
        operation: &'static str,
        mut pages: PaginationStream<Result<O, SdkError<E, HttpResponse>>>,
    ) -> Result<Vec<O>, CallError>
    where
        E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    {
        let mut all = Vec::new();
        loop {
            let slot = self.account.limiter.slot().await;
            let page = pages.next().await;
            drop(slot);
            match page {
                None => return Ok(all),
                Some(Ok(page)) => all.push(page),
                Some(Err(error)) => return Err(CallError::from_sdk(operation, error)),
            }
        }
    }

    /// A new item of `resource_type` in this scope's account and region.
    pub(crate) fn item(
        &self,
        resource_type: &str,
        resource_id: impl Into<String>,
        configuration: Option<Value>,
    ) -> ConfigurationItem {
        ConfigurationItem {
            resource_type: resource_type.to_owned(),
            resource_id: resource_id.into(),
            resource_name: None,
            arn: None,
            aws_region: self.region.clone(),
            account_id: self.account.id.clone(),
            tags: Default::default(),
            configuration: configuration.unwrap_or(Value::Object(Default::default())),
            supplementary_configuration: Default::default(),
        }
    }

    pub(crate) fn add(&self, item: ConfigurationItem) {
        self.found().resources.push(item);
    }

    pub(crate) fn add_all(&self, items: impl IntoIterator<Item = ConfigurationItem>) {
        self.found().resources.extend(items);
    }

    pub(crate) fn add_tagged(&self, arn: String, tags: std::collections::BTreeMap<String, String>) {
        let region = self.region.clone();
        self.found().tagged.push((region, arn, tags));
    }

    /// This scope, recording failures under another service's name.
    pub(crate) fn as_service(&self, service: &'static str, types: &'static [&'static str]) -> Self {
        Self {
            service,
            types,
            ..self.clone()
        }
    }

    /// The call's output, or `None` with its failure recorded: for calls
    /// whose failure hides one resource or detail, not the whole listing.
    pub(crate) fn recorded<T>(&self, result: Result<T, CallError>) -> Option<T> {
        result.map_err(|error| self.fail(error)).ok()
    }

    /// Records a failed call that may hide this unit's resource types.
    pub(crate) fn fail(&self, error: CallError) {
        self.fail_types(error, self.types);
    }

    /// Records a failed call that may hide resources of `types`.
    pub(crate) fn fail_types(&self, error: CallError, types: &[&str]) {
        let error = CollectionError {
            service: self.service.to_owned(),
            region: self.region.clone(),
            operation: error.operation.to_owned(),
            code: error.code,
            message: error.message,
            resource_types: types.iter().map(|t| (*t).to_owned()).collect(),
        };
        self.account.progress.failed(&self.account.id, &error);
        self.found().errors.push(error);
    }

    fn found(&self) -> std::sync::MutexGuard<'_, Found> {
        self.account
            .found
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}
