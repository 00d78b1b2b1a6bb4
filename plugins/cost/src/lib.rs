//! parapet's built-in cost and FinOps checks: resources that cost money and
//! do nothing, older and pricier resource generations, commitments, anomalies,
//! budgets, right-sizing and month-over-month cost jumps. Checks that measure
//! a FinOps KPI put it in their evidence (`Kpi`), and the host shows the KPIs
//! in the report. Waste findings carry an estimated monthly cost in USD
//! (`EstimatedMonthlyWasteUsd` in the evidence) from the price table in
//! `prices.rs`, whose basis every estimate names.

mod checks;
mod prices;

use checks::{
    AnomaliesOpen, Budgets, CommitmentCoverage, CommitmentUtilization, CostJump, EbsGp2,
    EbsUnattached, EipUnassociated, LoadBalancerIdle, NatGatewayIdle, OldSnapshots,
    PreviousGeneration, RiExpiring, Rightsizing, SavingsPlansRecommendation, StoppedInstances,
    WasteRate,
};

parapet_sdk::plugin! {
    id: "cost",
    name: "Cost and FinOps",
    description: "Waste with estimated monthly cost, commitments (RI and Savings Plans), anomalies, budgets, right-sizing and cost trends.",
    checks: [
        EbsUnattached,
        EipUnassociated,
        StoppedInstances,
        NatGatewayIdle,
        LoadBalancerIdle,
        OldSnapshots,
        EbsGp2,
        PreviousGeneration,
        WasteRate,
        RiExpiring,
        CommitmentCoverage,
        CommitmentUtilization,
        SavingsPlansRecommendation,
        Rightsizing,
        AnomaliesOpen,
        CostJump,
        Budgets,
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
