//! parapet checks AWS accounts for security, cost and architecture problems.
//!
//! Architecture, in the order a scan runs:
//!
//! 1. A **snapshot** ([`parapet_snapshot::Snapshot`]) is read and indexed by
//!    resource type once.
//! 2. **Plugins** — WebAssembly components targeting `wit/plugin.wit` — are
//!    compiled once and pre-instantiated by the [`runtime`], each in a
//!    sandbox with no files, network or environment, a time limit and a
//!    memory cap. The built-in ones are embedded in the binary ([`builtin`]).
//! 3. The [`scan`] runs every plugin's checks in parallel; each check pulls
//!    the resource types it needs. A plugin that traps, times out, runs out
//!    of memory or breaks the contract becomes a recorded failure; the other
//!    plugins' findings are kept.
//! 4. The [`report`] turns findings and failures into Security Hub ASFF, the
//!    native JSON report and a terminal summary, written atomically
//!    ([`output`]).

pub mod baseline;
pub mod builtin;
pub mod config;
pub mod fixtures;
pub mod model;
pub mod output;
pub mod publish;
pub mod report;
pub mod runtime;
pub mod scaffold;
pub mod scan;
pub mod suppress;
