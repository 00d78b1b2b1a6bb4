//! Credentials, identity and regions: where a collection starts.

use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, SdkConfig};
use aws_credential_types::provider::SharedCredentialsProvider;
use aws_types::region::Region;

use crate::{CollectError, CollectOptions, Regions};

/// Used when neither the profile nor the environment names a region.
const FALLBACK_REGION: &str = "us-east-1";
const SESSION_NAME: &str = "parapet";

/// The starting credentials and whose they are.
pub(crate) struct Start {
    pub(crate) config: SdkConfig,
    pub(crate) account_id: String,
    pub(crate) partition: String,
    pub(crate) home_region: String,
}

pub(crate) async fn start(options: &CollectOptions) -> Result<Start, CollectError> {
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .retry_config(RetryConfig::adaptive().with_max_attempts(options.max_attempts.max(1)))
        .timeout_config(
            TimeoutConfig::builder()
                .operation_timeout(options.call_timeout)
                .build(),
        );
    if let Some(profile) = &options.profile {
        loader = loader.profile_name(profile);
    }
    if let Regions::List(regions) = &options.regions
        && let Some(first) = regions.first()
    {
        loader = loader.region(Region::new(first.clone()));
    }
    let mut config = loader.load().await;
    if config.region().is_none() {
        config = config
            .to_builder()
            .region(Region::new(FALLBACK_REGION))
            .build();
    }
    if let Some(role) = &options.role {
        config = assume(&config, &role.role_arn, role.external_id.as_deref()).await;
    }
    let home_region = config
        .region()
        .map_or(FALLBACK_REGION, |r| r.as_ref())
        .to_owned();
    let identity = aws_sdk_sts::Client::new(&config)
        .get_caller_identity()
        .send()
        .await
        .map_err(|e| {
            let message = crate::error::chain(&e);
            match &options.role {
                Some(role) => CollectError::AssumeRole {
                    role_arn: role.role_arn.clone(),
                    message,
                },
                None => CollectError::Identity(message),
            }
        })?;
    let account_id = identity.account().unwrap_or_default().to_owned();
    let partition = identity
        .arn()
        .and_then(|arn| arn.split(':').nth(1))
        .unwrap_or("aws")
        .to_owned();
    Ok(Start {
        config,
        account_id,
        partition,
        home_region,
    })
}

/// `config` with credentials of `role_arn`, assumed lazily (and refreshed)
/// with the credentials `config` already has.
pub(crate) async fn assume(
    config: &SdkConfig,
    role_arn: &str,
    external_id: Option<&str>,
) -> SdkConfig {
    let mut provider = aws_config::sts::AssumeRoleProvider::builder(role_arn)
        .session_name(SESSION_NAME)
        .configure(config);
    if let Some(external_id) = external_id {
        provider = provider.external_id(external_id);
    }
    let provider = provider.build().await;
    config
        .to_builder()
        .credentials_provider(SharedCredentialsProvider::new(provider))
        .build()
}

/// The regions to read, home region first.
pub(crate) async fn regions(
    options: &CollectOptions,
    start: &Start,
) -> Result<Vec<String>, CollectError> {
    match &options.regions {
        Regions::Default => Ok(vec![start.home_region.clone()]),
        Regions::List(list) => {
            for region in list {
                if !is_region_name(region) {
                    return Err(CollectError::BadRegion(region.clone()));
                }
            }
            let mut unique = Vec::new();
            for region in list {
                if !unique.contains(region) {
                    unique.push(region.clone());
                }
            }
            Ok(unique)
        }
        Regions::All => enabled_regions(&start.config, &start.home_region)
            .await
            .map_err(|e| CollectError::Regions(crate::error::chain(&e))),
    }
}

/// The regions enabled for the account of `config` (`ec2:DescribeRegions`),
/// `home` first: global services are called there.
pub(crate) async fn enabled_regions(
    config: &SdkConfig,
    home: &str,
) -> Result<
    Vec<String>,
    aws_sdk_ec2::error::SdkError<aws_sdk_ec2::operation::describe_regions::DescribeRegionsError>,
> {
    let output = aws_sdk_ec2::Client::new(config)
        .describe_regions()
        .send()
        .await?;
    let mut names: Vec<String> = output
        .regions()
        .iter()
        .filter_map(|r| r.region_name().map(str::to_owned))
        .collect();
    names.sort();
    if let Some(at) = names.iter().position(|r| r == home) {
        let home = names.remove(at);
        names.insert(0, home);
    }
    Ok(names)
}

/// `us-east-1`, `eu-central-2`, `us-gov-west-1`, `ap-southeast-4`...
pub(crate) fn is_region_name(name: &str) -> bool {
    let parts: Vec<&str> = name.split('-').collect();
    parts.len() >= 3
        && parts[0].len() == 2
        && parts[0].bytes().all(|b| b.is_ascii_lowercase())
        && parts[1..parts.len() - 1]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
        && parts[parts.len() - 1].bytes().all(|b| b.is_ascii_digit())
        && !parts[parts.len() - 1].is_empty()
}

#[cfg(test)]
mod tests {
    use super::is_region_name;

    #[test]
    fn region_names() {
        for good in [
            "us-east-1",
            "eu-central-2",
            "us-gov-west-1",
            "ap-southeast-4",
            "cn-north-1",
        ] {
            assert!(is_region_name(good), "{good}");
        }
        for bad in [
            "all",
            "us-east",
            "US-EAST-1",
            "us_east_1",
            "useast1",
            "us--1",
            "us-east-1a",
        ] {
            assert!(!is_region_name(bad), "{bad}");
        }
    }
}
