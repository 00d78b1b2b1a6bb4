//! Parses and indexes a snapshot and nothing else: the baseline `parapet
//! scan` is measured against. `cargo run --release --example parse_snapshot -- big.json`

#![allow(
    clippy::unwrap_used,
    reason = "a benchmark tool: failing loudly is fine"
)]

use std::time::Instant;

use parapet_snapshot::{Snapshot, SnapshotIndex};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: parse_snapshot SNAPSHOT.json");
    let started = Instant::now();
    let index = SnapshotIndex::new(Snapshot::load(std::path::Path::new(&path)).unwrap());
    let elapsed = started.elapsed();
    println!(
        "parsed and indexed {} resources of {} types in {:.3} s",
        index.snapshot().resources.len(),
        index.type_counts().len(),
        elapsed.as_secs_f64()
    );
}
