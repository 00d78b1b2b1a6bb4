//! Write parapet check plugins in Rust.
//!
//! A plugin is a crate built as a `cdylib` for `wasm32-wasip2`. It implements
//! [`Check`] once per check and lists them in [`plugin!`]:
//!
//! ```
//! use parapet_sdk::prelude::*;
//!
//! /// Security groups must carry a `DataClass` tag.
//! struct SecurityGroupDataClass;
//!
//! impl Check for SecurityGroupDataClass {
//!     fn metadata(&self) -> CheckMetadata {
//!         CheckMetadata::new("acme-sg-data-class", "Security groups carry a DataClass tag", Severity::Low)
//!             .resource_type(SecurityGroup::RESOURCE_TYPE)
//!             .remediation("Tag the security group with DataClass.", None)
//!     }
//!
//!     fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
//!         Ok(ctx.resources::<SecurityGroup>()?.iter().map(|sg| {
//!             if sg.tags.contains_key("DataClass") {
//!                 ctx.finding(sg, Status::Passed, format!("security group {} has a DataClass tag", sg.resource_id))
//!             } else {
//!                 ctx.finding(sg, Status::Failed, format!("security group {} has no DataClass tag", sg.resource_id))
//!             }
//!         }).collect())
//!     }
//! }
//!
//! parapet_sdk::plugin! {
//!     id: "acme",
//!     name: "ACME house rules",
//!     description: "Checks specific to ACME's accounts.",
//!     checks: [SecurityGroupDataClass],
//! }
//! # fn main() {
//! # let findings = parapet_sdk::testing::run_fixture(&PLUGIN, "acme-sg-data-class",
//! #     concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/snapshots/demo.json")).unwrap();
//! # assert!(findings.iter().any(|f| f.status == Status::Failed));
//! # }
//! ```
//!
//! The host gives a plugin no files, no network and no environment; it reads
//! the snapshot only through [`Context`]. [`testing`] runs the same checks
//! natively on a fixture snapshot, so check logic is tested without wasm.

// The generated bindings name this crate by its public path, from inside too.
extern crate self as parapet_sdk;

mod check;
mod context;
mod finding;
mod guest;
pub mod testing;

pub use check::{Check, CheckMetadata, Pillar, Plugin, Remediation, module_doc};
pub use context::{Context, LogLevel, ScanContext};
pub use finding::{Finding, PluginError, ResourceRef, Severity, Status};
pub use parapet_snapshot as snapshot;

/// Everything a check file needs.
pub mod prelude {
    pub use crate::{
        Check, CheckMetadata, Context, Finding, LogLevel, Pillar, PluginError, ResourceRef,
        Severity, Status, module_doc,
    };
    pub use parapet_snapshot::ConfigurationItem;
    pub use parapet_snapshot::types::ec2::SecurityGroup;
    pub use parapet_snapshot::types::iam::{
        AccountSummary, Analyzer, CredentialReportRow, Group, ManagedPolicy, PasswordPolicy, Role,
        ServerCertificate, User, VirtualMfaDevice,
    };
    pub use parapet_snapshot::types::policy::PolicyDocument;
    pub use parapet_snapshot::types::{ACCOUNT, GLOBAL_REGION, ResourceKind, Unread};
}

/// Declares the plugin: its id, name, description and checks.
///
/// Expands to the component's exports (on `wasm32`) and to a `PLUGIN` static
/// that [`testing`] uses natively. The plugin's version is the crate's.
#[macro_export]
macro_rules! plugin {
    (
        id: $id:expr,
        name: $name:expr,
        description: $description:expr,
        checks: [$($check:expr),* $(,)?] $(,)?
    ) => {
        /// This plugin, for native tests and tools.
        pub static PLUGIN: $crate::Plugin = $crate::Plugin {
            id: $id,
            name: $name,
            version: env!("CARGO_PKG_VERSION"),
            description: $description,
            checks: &[$(&$check),*],
        };

        #[doc(hidden)]
        pub struct __ParapetGuest;

        impl $crate::__private::Guest for __ParapetGuest {
            fn metadata() -> $crate::__private::WitPluginMetadata {
                $crate::__private::metadata(&PLUGIN)
            }

            fn evaluate(
                check_id: ::std::string::String,
            ) -> ::std::result::Result<
                ::std::vec::Vec<$crate::__private::WitFinding>,
                $crate::__private::WitPluginError,
            > {
                $crate::__private::evaluate(&PLUGIN, &check_id)
            }
        }

        // Native builds (tests, tools) have no component to export from, and
        // the exports' names would not link there.
        #[cfg(target_family = "wasm")]
        $crate::__private::export!(__ParapetGuest with_types_in $crate::__private::bindings);
    };
}

#[doc(hidden)]
pub mod __private {
    pub use crate::guest::bindings;
    pub use crate::guest::bindings::export;
    pub use crate::guest::bindings::exports::parapet::plugin::checks::Guest;
    pub use crate::guest::bindings::parapet::plugin::types::{
        Finding as WitFinding, PluginError as WitPluginError, PluginMetadata as WitPluginMetadata,
    };
    pub use crate::guest::{evaluate, metadata};
    pub use wit_bindgen;
}
