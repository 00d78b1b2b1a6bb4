//! parapet's built-in Well-Architected reliability checks: backups and
//! deployment across Availability Zones. (The other pillars' checks live in
//! the plugins whose data they use, each mapped to its best practice; see
//! `parapet checks list --pillar`.)

mod checks;

use checks::{AsgMultiAz, EbsBackup, ElbMultiAz, RdsBackupRetention, RdsMultiAz};

parapet_sdk::plugin! {
    id: "reliability",
    name: "Reliability",
    description: "Well-Architected reliability basics: backups and deployment across Availability Zones.",
    checks: [RdsMultiAz, RdsBackupRetention, EbsBackup, ElbMultiAz, AsgMultiAz],
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_check_passes_and_fails_its_fixtures() {
        parapet_sdk::testing::check_fixtures(
            &super::PLUGIN,
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }
}
