//! What a scan actually checked: the (account, region, check) triples whose
//! verdicts are complete. Anything outside the scope says nothing about
//! findings of an earlier scan, so it is never archived in Security Hub
//! nor called resolved by a baseline.

use std::collections::HashSet;

use super::ScanMeta;
use super::asff::asff_region;
use super::read::PastFinding;
use crate::model::Status;
use crate::scan::ScanOutcome;

/// The key of a plugin that could not run at all, in place of a check id.
#[must_use]
pub fn plugin_key(plugin: &str) -> String {
    format!("plugin:{plugin}")
}

/// The (account, region, check) triples a scan covered completely.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    covered: HashSet<(String, String, String)>,
}

impl Scope {
    /// Whether `check` ran to completion in `region` of `account`.
    #[must_use]
    pub fn covers(&self, account: &str, region: &str, check: &str) -> bool {
        // Borrowed lookups into a set of owned tuples need the owned form.
        self.covered
            .contains(&(account.to_owned(), region.to_owned(), check.to_owned()))
    }

    /// Adds what another scope covers (another account's scan).
    pub fn extend(&mut self, other: Scope) {
        self.covered.extend(other.covered);
    }

    /// The (account, region) pairs the scope covers anything in.
    #[must_use]
    pub fn account_regions(&self) -> std::collections::BTreeSet<(String, String)> {
        self.covered
            .iter()
            .map(|(account, region, _)| (account.clone(), region.clone()))
            .collect()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.covered.is_empty()
    }

    /// Exactly what a scan covered: every region of the snapshot for each
    /// check that completed, less the (region, check) pairs with a
    /// `NOT_AVAILABLE` finding (a collection gap, or the check's own).
    #[must_use]
    pub fn of_scan(outcome: &ScanOutcome, meta: &ScanMeta) -> Self {
        let account = &meta.account_id;
        let mut regions: Vec<&str> = meta.regions.iter().map(String::as_str).collect();
        regions.push(meta.home_region());
        let mut covered = HashSet::new();
        for (_, check) in &outcome.completed_checks {
            for region in &regions {
                covered.insert((account.clone(), (*region).to_owned(), check.clone()));
            }
        }
        let failed_plugins: HashSet<&str> = outcome
            .failures
            .iter()
            .filter(|f| f.check.is_none())
            .map(|f| f.plugin.as_str())
            .collect();
        for plugin in &outcome.plugins {
            if !failed_plugins.contains(plugin.id.as_str()) {
                covered.insert((
                    account.clone(),
                    meta.home_region().to_owned(),
                    plugin_key(&plugin.id),
                ));
            }
        }
        for (_, finding) in &outcome.findings {
            if finding.status == Status::NotAvailable {
                covered.remove(&(
                    account.clone(),
                    asff_region(&finding.resource.region, meta),
                    finding.check_id.clone(),
                ));
            }
        }
        Self { covered }
    }

    /// What a report shows was covered, when nothing else is known: the
    /// (account, region, check) triples that have a verdict, less those
    /// with a `NOT_AVAILABLE` finding and the checks that could not run.
    /// A check that ran in a region where no resource of its types is left
    /// has no finding there, so this scope misses it: conservative, never
    /// wider than the truth.
    #[must_use]
    pub fn of_report(findings: &[PastFinding]) -> Self {
        let mut covered = HashSet::new();
        let mut gaps = HashSet::new();
        let mut not_run = HashSet::new();
        for f in findings {
            let key = (f.account.clone(), f.region.clone(), f.check.clone());
            if f.could_not_run {
                not_run.insert((f.account.clone(), f.check.clone()));
            } else if f.status == "NOT_AVAILABLE" {
                gaps.insert(key);
            } else {
                covered.insert(key);
            }
        }
        covered.retain(|key| {
            !gaps.contains(key) && !not_run.contains(&(key.0.clone(), key.2.clone()))
        });
        Self { covered }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn past(region: &str, check: &str, status: &str, could_not_run: bool) -> PastFinding {
        PastFinding {
            id: format!("{region}/{check}/{status}"),
            account: "111122223333".to_owned(),
            region: region.to_owned(),
            check: check.to_owned(),
            status: status.to_owned(),
            suppressed: false,
            could_not_run,
            title: String::new(),
            severity: "HIGH".to_owned(),
            resource_type: "AWS::EC2::SecurityGroup".to_owned(),
            resource_id: "sg-1".to_owned(),
            first_observed_at: None,
            created_at: None,
        }
    }

    #[test]
    fn a_report_covers_checks_with_verdicts_less_gaps_and_failures() {
        let scope = Scope::of_report(&[
            past("eu-west-1", "a", "FAILED", false),
            past("eu-west-1", "b", "PASSED", false),
            past("eu-west-1", "b", "NOT_AVAILABLE", false),
            past("us-east-1", "c", "PASSED", false),
            past("us-east-1", "c", "NOT_AVAILABLE", true),
        ]);
        assert!(scope.covers("111122223333", "eu-west-1", "a"));
        assert!(
            !scope.covers("111122223333", "us-east-1", "a"),
            "not seen there"
        );
        assert!(!scope.covers("111122223333", "eu-west-1", "b"), "a gap");
        assert!(
            !scope.covers("111122223333", "us-east-1", "c"),
            "could not run"
        );
        assert!(
            !scope.covers("999999999999", "eu-west-1", "a"),
            "another account"
        );
    }
}
