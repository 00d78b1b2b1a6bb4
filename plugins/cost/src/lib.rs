//! parapet's built-in cost and FinOps checks: resources that cost money and
//! do nothing, older and pricier resource generations, and month-over-month
//! cost jumps. Waste findings carry an estimated monthly cost in USD
//! (`EstimatedMonthlyWasteUsd` in the evidence) from the price table in
//! `prices.rs`, whose basis every estimate names.

mod checks;
mod prices;

use checks::{
    CostJump, EbsGp2, EbsUnattached, EipUnassociated, NatGatewayIdle, OldSnapshots,
    PreviousGeneration, StoppedInstances,
};

parapet_sdk::plugin! {
    id: "cost",
    name: "Cost and FinOps",
    description: "Waste (unattached volumes, idle addresses and gateways, long-stopped instances, old snapshots), older generations, and cost jumps, with estimated monthly cost.",
    checks: [
        EbsUnattached,
        EipUnassociated,
        StoppedInstances,
        EbsGp2,
        PreviousGeneration,
        OldSnapshots,
        NatGatewayIdle,
        CostJump,
    ],
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
