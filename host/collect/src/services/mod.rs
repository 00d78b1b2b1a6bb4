//! One module per AWS service; each lists its units of work for an account.

use crate::account::{Account, Unit};

mod cloudwatch;
mod config;
mod cost;
mod ec2;
mod iam;
mod network_edge;
mod organizations;
mod reliability;
mod security;
mod tagging;

/// Every unit of `account`: global services once, regional ones per region.
pub(crate) fn units(account: &Account) -> Vec<Unit<'_>> {
    let mut units = iam::units(account);
    units.extend(organizations::units(account));
    units.extend(security::global_units(account));
    units.extend(network_edge::global_units(account));
    if account.settings.cost {
        units.extend(cost::units(account));
    }
    for region in &account.regions {
        units.extend(ec2::units(account, region));
        units.extend(config::units(account, region));
        units.extend(tagging::units(account, region));
        units.extend(security::units(account, region));
        units.extend(network_edge::units(account, region));
        units.extend(reliability::units(account, region));
        if account.settings.cost {
            units.extend(cost::regional_units(account, region));
        }
    }
    units
}

/// Every resource type some unit collects, sorted.
pub(crate) fn collected_types() -> Vec<&'static str> {
    let account = crate::account::Account::offline();
    let mut types: Vec<&'static str> = units(&account)
        .iter()
        .flat_map(|unit| unit.types.iter().copied())
        .collect();
    types.sort_unstable();
    types.dedup();
    types
}

pub(crate) use tagging::merge as merge_tagged;
