//! What went wrong while collecting.

use std::error::Error as StdError;

use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

/// A failed API call: its operation, AWS's error code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CallError {
    pub(crate) operation: &'static str,
    pub(crate) code: String,
    pub(crate) message: String,
}

impl CallError {
    pub(crate) fn from_sdk<E>(operation: &'static str, error: SdkError<E, HttpResponse>) -> Self
    where
        E: ProvideErrorMetadata + StdError + Send + Sync + 'static,
    {
        let (code, message) = match &error {
            SdkError::ServiceError(service) => {
                let inner = service.err();
                // Some servers deny with a bare 403 whose body the SDK cannot
                // read a code from; the status still says what happened.
                let status = service.raw().status().as_u16();
                let fallback = match status {
                    401 | 403 => "AccessDenied".to_owned(),
                    _ => format!("HTTP{status}"),
                };
                (
                    inner.code().map_or(fallback, str::to_owned),
                    inner.message().map_or_else(|| chain(inner), str::to_owned),
                )
            }
            SdkError::TimeoutError(_) => ("Timeout".to_owned(), chain(&error)),
            SdkError::DispatchFailure(_) => ("Unreachable".to_owned(), chain(&error)),
            SdkError::ResponseError(_) => ("InvalidResponse".to_owned(), chain(&error)),
            _ => ("RequestFailed".to_owned(), chain(&error)),
        };
        Self {
            operation,
            code,
            message,
        }
    }

    /// Whether AWS said this caller may not make the call.
    pub(crate) fn is_access_denied(&self) -> bool {
        matches!(
            self.code.as_str(),
            "AccessDenied"
                | "AccessDeniedException"
                | "UnauthorizedOperation"
                | "AuthorizationError"
                | "UnauthorizedException"
        )
    }
}

/// An error and its causes on one line, without the SDK's debug dumps of
/// whole responses.
pub(crate) fn chain(error: &(dyn StdError + 'static)) -> String {
    const LIMIT: usize = 400;
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let part = cause.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        source = cause.source();
    }
    if text.len() > LIMIT {
        let mut end = LIMIT;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push('…');
    }
    text
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} failed with {}: {}",
            self.operation, self.code, self.message
        )
    }
}

/// Why collection could not start or could not produce any snapshot.
#[derive(Debug, thiserror::Error)]
pub enum CollectError {
    /// No identity: credentials are missing, expired or rejected.
    #[error(
        "cannot find out which account these credentials belong to (sts:GetCallerIdentity {0}); \
         check AWS_PROFILE / --profile, run `aws sso login` if the profile uses SSO, \
         or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
    )]
    Identity(String),
    /// The starting role could not be assumed.
    #[error(
        "cannot assume role {role_arn:?}: {message}; check that the role trusts the caller \
         and, if it requires one, pass --external-id"
    )]
    AssumeRole {
        /// The role given with `--role-arn`.
        role_arn: String,
        /// What STS said.
        message: String,
    },
    /// `--region all` could not list the account's regions.
    #[error("cannot list the enabled regions (ec2:DescribeRegions {0}); name them with --region")]
    Regions(String),
    /// `--org` could not list the organization's accounts.
    #[error(
        "cannot list the organization's accounts (organizations:ListAccounts {0}); \
         --org must run in the management account or a delegated administrator"
    )]
    Organization(String),
    /// A `--region` value is not a region name.
    #[error("{0:?} is not a region name such as us-east-1 (or `all`)")]
    BadRegion(String),
    /// The async runtime could not start.
    #[error("cannot start the collector's runtime: {0}")]
    Runtime(#[from] std::io::Error),
}
