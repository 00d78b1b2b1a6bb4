//! Cost Explorer and Budgets (global), Compute Optimizer (per region): what
//! the account spends, what it committed to, and what it could save.
//!
//! Cost Explorer charges for every request, so each measure is one request
//! (plus pages) over the whole period rather than one per month or per day.

use std::collections::BTreeMap;
use std::fmt;

use aws_sdk_budgets::types as bt;
use aws_sdk_computeoptimizer::types as co;
use aws_sdk_costexplorer::types as ct;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Span, Timestamp};
use parapet_snapshot::ConfigurationItem;
use serde_json::{Map, Value};

use crate::account::{Account, GLOBAL, Scope, Unit};
use crate::error::CallError;
use crate::json::{ToJson, object, to_json};

const MONTHLY_COST: &str = "Parapet::CE::MonthlyCost";
const COST_ALLOCATION_TAG: &str = "Parapet::CE::CostAllocationTag";
const RI_COVERAGE: &str = "Parapet::CE::ReservationCoverage";
const RI_UTILIZATION: &str = "Parapet::CE::ReservationUtilization";
const SP_COVERAGE: &str = "Parapet::CE::SavingsPlansCoverage";
const SP_UTILIZATION: &str = "Parapet::CE::SavingsPlansUtilization";
const ANOMALY: &str = "Parapet::CE::Anomaly";
const COST_FORECAST: &str = "Parapet::CE::CostForecast";
const SP_RECOMMENDATION: &str = "Parapet::CE::SavingsPlansPurchaseRecommendation";
const BUDGET: &str = "Parapet::Budgets::Budget";
const EC2_RECOMMENDATION: &str = "Parapet::ComputeOptimizer::EC2Recommendation";
const EBS_RECOMMENDATION: &str = "Parapet::ComputeOptimizer::EBSRecommendation";

/// The cost metric everything is measured in: what was billed, before
/// amortization or blending, as the checks and the FinOps report read it.
const METRIC: &str = "UnblendedCost";

/// Cost Explorer's answer when it has nothing to measure.
const DATA_UNAVAILABLE: &str = "DataUnavailableException";

pub(crate) fn units(account: &Account) -> Vec<Unit<'_>> {
    vec![
        account.unit("ce", GLOBAL, &[MONTHLY_COST], monthly_costs),
        account.unit("ce", GLOBAL, &[COST_ALLOCATION_TAG], cost_allocation_tags),
        account.unit("ce", GLOBAL, &[RI_COVERAGE], reservation_coverage),
        account.unit("ce", GLOBAL, &[RI_UTILIZATION], reservation_utilization),
        account.unit("ce", GLOBAL, &[SP_COVERAGE], savings_plans_coverage),
        account.unit("ce", GLOBAL, &[SP_UTILIZATION], savings_plans_utilization),
        account.unit("ce", GLOBAL, &[ANOMALY], anomalies),
        account.unit("ce", GLOBAL, &[COST_FORECAST], cost_forecast),
        account.unit(
            "ce",
            GLOBAL,
            &[SP_RECOMMENDATION],
            savings_plans_recommendation,
        ),
        account.unit("budgets", GLOBAL, &[BUDGET], budgets),
    ]
}

pub(crate) fn regional_units<'a>(account: &'a Account, region: &str) -> Vec<Unit<'a>> {
    vec![
        account.unit(
            "compute-optimizer",
            region,
            &[EC2_RECOMMENDATION],
            ec2_recommendations,
        ),
        account.unit(
            "compute-optimizer",
            region,
            &[EBS_RECOMMENDATION],
            ebs_recommendations,
        ),
    ]
}

to_json! {
    ct::DateInterval { "Start" => start, "End" => end }
    ct::MetricValue { "Amount" => amount, "Unit" => unit }
    ct::Group { "Keys" => keys, "Metrics" => metrics }
    ct::CostAllocationTag {
        "TagKey" => tag_key, "Type" => r#type, "Status" => status,
        "LastUpdatedDate" => last_updated_date, "LastUsedDate" => last_used_date,
    }
    ct::Coverage {
        "CoverageHours" => coverage_hours,
        "CoverageNormalizedUnits" => coverage_normalized_units,
        "CoverageCost" => coverage_cost,
    }
    ct::CoverageHours {
        "OnDemandHours" => on_demand_hours, "ReservedHours" => reserved_hours,
        "TotalRunningHours" => total_running_hours,
        "CoverageHoursPercentage" => coverage_hours_percentage,
    }
    ct::CoverageNormalizedUnits {
        "OnDemandNormalizedUnits" => on_demand_normalized_units,
        "ReservedNormalizedUnits" => reserved_normalized_units,
        "TotalRunningNormalizedUnits" => total_running_normalized_units,
        "CoverageNormalizedUnitsPercentage" => coverage_normalized_units_percentage,
    }
    ct::CoverageCost { "OnDemandCost" => on_demand_cost }
    ct::ReservationAggregates {
        "UtilizationPercentage" => utilization_percentage,
        "UtilizationPercentageInUnits" => utilization_percentage_in_units,
        "PurchasedHours" => purchased_hours, "PurchasedUnits" => purchased_units,
        "TotalActualHours" => total_actual_hours, "TotalActualUnits" => total_actual_units,
        "UnusedHours" => unused_hours, "UnusedUnits" => unused_units,
        "OnDemandCostOfRIHoursUsed" => on_demand_cost_of_ri_hours_used,
        "NetRISavings" => net_ri_savings, "TotalPotentialRISavings" => total_potential_ri_savings,
        "AmortizedUpfrontFee" => amortized_upfront_fee,
        "AmortizedRecurringFee" => amortized_recurring_fee,
        "TotalAmortizedFee" => total_amortized_fee,
        "RICostForUnusedHours" => ri_cost_for_unused_hours,
        "RealizedSavings" => realized_savings, "UnrealizedSavings" => unrealized_savings,
    }
    ct::SavingsPlansUtilizationAggregates {
        "Utilization" => utilization, "Savings" => savings,
        "AmortizedCommitment" => amortized_commitment,
    }
    ct::SavingsPlansUtilization {
        "TotalCommitment" => total_commitment, "UsedCommitment" => used_commitment,
        "UnusedCommitment" => unused_commitment, "UtilizationPercentage" => utilization_percentage,
    }
    ct::SavingsPlansSavings {
        "NetSavings" => net_savings, "OnDemandCostEquivalent" => on_demand_cost_equivalent,
    }
    ct::SavingsPlansAmortizedCommitment {
        "AmortizedRecurringCommitment" => amortized_recurring_commitment,
        "AmortizedUpfrontCommitment" => amortized_upfront_commitment,
        "TotalAmortizedCommitment" => total_amortized_commitment,
    }
    ct::Anomaly {
        "AnomalyId" => anomaly_id, "AnomalyStartDate" => anomaly_start_date,
        "AnomalyEndDate" => anomaly_end_date, "DimensionValue" => dimension_value,
        "RootCauses" => root_causes, "AnomalyScore" => anomaly_score, "Impact" => impact,
        "MonitorArn" => monitor_arn, "Feedback" => feedback,
    }
    ct::RootCause {
        "Service" => service, "Region" => region, "LinkedAccount" => linked_account,
        "LinkedAccountName" => linked_account_name, "UsageType" => usage_type,
        "Impact" => impact,
    }
    ct::RootCauseImpact { "Contribution" => contribution }
    ct::AnomalyScore { "MaxScore" => max_score, "CurrentScore" => current_score }
    ct::Impact {
        "MaxImpact" => max_impact, "TotalImpact" => total_impact,
        "TotalActualSpend" => total_actual_spend, "TotalExpectedSpend" => total_expected_spend,
        "TotalImpactPercentage" => total_impact_percentage,
    }
    ct::ForecastResult {
        "TimePeriod" => time_period, "MeanValue" => mean_value,
        "PredictionIntervalLowerBound" => prediction_interval_lower_bound,
        "PredictionIntervalUpperBound" => prediction_interval_upper_bound,
    }
    // The per-account details are left out: they come in pages and the
    // summary is what the recommendation amounts to.
    ct::SavingsPlansPurchaseRecommendation {
        "AccountScope" => account_scope, "SavingsPlansType" => savings_plans_type,
        "TermInYears" => term_in_years, "PaymentOption" => payment_option,
        "LookbackPeriodInDays" => lookback_period_in_days,
        "SavingsPlansPurchaseRecommendationSummary" => savings_plans_purchase_recommendation_summary,
    }
    ct::SavingsPlansPurchaseRecommendationSummary {
        "EstimatedROI" => estimated_roi, "CurrencyCode" => currency_code,
        "EstimatedTotalCost" => estimated_total_cost,
        "CurrentOnDemandSpend" => current_on_demand_spend,
        "EstimatedSavingsAmount" => estimated_savings_amount,
        "TotalRecommendationCount" => total_recommendation_count,
        "DailyCommitmentToPurchase" => daily_commitment_to_purchase,
        "HourlyCommitmentToPurchase" => hourly_commitment_to_purchase,
        "EstimatedSavingsPercentage" => estimated_savings_percentage,
        "EstimatedMonthlySavingsAmount" => estimated_monthly_savings_amount,
        "EstimatedOnDemandCostWithCurrentCommitment" => estimated_on_demand_cost_with_current_commitment,
    }
    ct::SavingsPlansPurchaseRecommendationMetadata {
        "RecommendationId" => recommendation_id, "GenerationTimestamp" => generation_timestamp,
        "AdditionalMetadata" => additional_metadata,
    }
}
to_json!(
    enum ct::CostAllocationTagType, enum ct::CostAllocationTagStatus,
    enum ct::AnomalyFeedbackType, enum ct::AccountScope, enum ct::SupportedSavingsPlansType,
    enum ct::TermInYears, enum ct::PaymentOption, enum ct::LookbackPeriodInDays,
);

to_json! {
    bt::Budget {
        "BudgetName" => budget_name, "BudgetType" => budget_type, "TimeUnit" => time_unit,
        "BudgetLimit" => budget_limit, "PlannedBudgetLimits" => planned_budget_limits,
        "CostFilters" => cost_filters, "CostTypes" => cost_types,
        "TimePeriod" => time_period, "CalculatedSpend" => calculated_spend,
        "LastUpdatedTime" => last_updated_time, "AutoAdjustData" => auto_adjust_data,
        "Metrics" => metrics, "BillingViewArn" => billing_view_arn,
        "HealthStatus" => health_status,
    }
    bt::Spend { "Amount" => amount, "Unit" => unit }
    bt::CalculatedSpend { "ActualSpend" => actual_spend, "ForecastedSpend" => forecasted_spend }
    bt::TimePeriod { "Start" => start, "End" => end }
    bt::CostTypes {
        "IncludeTax" => include_tax, "IncludeSubscription" => include_subscription,
        "UseBlended" => use_blended, "IncludeRefund" => include_refund,
        "IncludeCredit" => include_credit, "IncludeUpfront" => include_upfront,
        "IncludeRecurring" => include_recurring,
        "IncludeOtherSubscription" => include_other_subscription,
        "IncludeSupport" => include_support, "IncludeDiscount" => include_discount,
        "UseAmortized" => use_amortized,
    }
    bt::AutoAdjustData {
        "AutoAdjustType" => auto_adjust_type, "HistoricalOptions" => historical_options,
        "LastAutoAdjustTime" => last_auto_adjust_time,
    }
    bt::HistoricalOptions {
        "BudgetAdjustmentPeriod" => budget_adjustment_period,
        "LookBackAvailablePeriods" => look_back_available_periods,
    }
    bt::HealthStatus {
        "Status" => status, "StatusReason" => status_reason, "LastUpdatedTime" => last_updated_time,
    }
}
to_json!(
    enum bt::BudgetType, enum bt::TimeUnit, enum bt::Metric, enum bt::AutoAdjustType,
    enum bt::HealthStatusValue, enum bt::HealthStatusReason,
);

// Compute Optimizer's API is JSON with camelCase names; the snapshot keeps them.
to_json! {
    co::InstanceRecommendation {
        "instanceArn" => instance_arn, "accountId" => account_id,
        "instanceName" => instance_name, "currentInstanceType" => current_instance_type,
        "finding" => finding, "findingReasonCodes" => finding_reason_codes,
        "utilizationMetrics" => utilization_metrics,
        "lookBackPeriodInDays" => look_back_period_in_days,
        "recommendationOptions" => recommendation_options,
        "recommendationSources" => recommendation_sources,
        "lastRefreshTimestamp" => last_refresh_timestamp,
        "currentPerformanceRisk" => current_performance_risk,
        "inferredWorkloadTypes" => inferred_workload_types,
        "instanceState" => instance_state, "idle" => idle, "tags" => tags,
    }
    co::InstanceRecommendationOption {
        "instanceType" => instance_type,
        "projectedUtilizationMetrics" => projected_utilization_metrics,
        "platformDifferences" => platform_differences, "performanceRisk" => performance_risk,
        "rank" => rank, "savingsOpportunity" => savings_opportunity,
        "savingsOpportunityAfterDiscounts" => savings_opportunity_after_discounts,
        "migrationEffort" => migration_effort,
    }
    co::UtilizationMetric { "name" => name, "statistic" => statistic, "value" => value }
    co::SavingsOpportunity {
        "savingsOpportunityPercentage" => savings_opportunity_percentage,
        "estimatedMonthlySavings" => estimated_monthly_savings,
    }
    co::EstimatedMonthlySavings { "currency" => currency, "value" => value }
    co::InstanceSavingsOpportunityAfterDiscounts {
        "savingsOpportunityPercentage" => savings_opportunity_percentage,
        "estimatedMonthlySavings" => estimated_monthly_savings,
    }
    co::InstanceEstimatedMonthlySavings { "currency" => currency, "value" => value }
    co::RecommendationSource {
        "recommendationSourceArn" => recommendation_source_arn,
        "recommendationSourceType" => recommendation_source_type,
    }
    co::Tag { "key" => key, "value" => value }
    co::VolumeRecommendation {
        "volumeArn" => volume_arn, "accountId" => account_id,
        "currentConfiguration" => current_configuration, "finding" => finding,
        "utilizationMetrics" => utilization_metrics,
        "lookBackPeriodInDays" => look_back_period_in_days,
        "volumeRecommendationOptions" => volume_recommendation_options,
        "lastRefreshTimestamp" => last_refresh_timestamp,
        "currentPerformanceRisk" => current_performance_risk, "tags" => tags,
    }
    co::VolumeConfiguration {
        "volumeType" => volume_type, "volumeSize" => volume_size,
        "volumeBaselineIOPS" => volume_baseline_iops, "volumeBurstIOPS" => volume_burst_iops,
        "volumeBaselineThroughput" => volume_baseline_throughput,
        "volumeBurstThroughput" => volume_burst_throughput, "rootVolume" => root_volume,
    }
    co::VolumeRecommendationOption {
        "configuration" => configuration, "performanceRisk" => performance_risk,
        "rank" => rank, "savingsOpportunity" => savings_opportunity,
        "savingsOpportunityAfterDiscounts" => savings_opportunity_after_discounts,
    }
    co::EbsUtilizationMetric { "name" => name, "statistic" => statistic, "value" => value }
    co::EbsSavingsOpportunityAfterDiscounts {
        "savingsOpportunityPercentage" => savings_opportunity_percentage,
        "estimatedMonthlySavings" => estimated_monthly_savings,
    }
    co::EbsEstimatedMonthlySavings { "currency" => currency, "value" => value }
}
to_json!(
    enum co::Finding, enum co::InstanceRecommendationFindingReasonCode, enum co::MetricName,
    enum co::MetricStatistic, enum co::RecommendationSourceType, enum co::CurrentPerformanceRisk,
    enum co::InferredWorkloadType, enum co::InstanceState, enum co::InstanceIdle,
    enum co::Currency, enum co::PlatformDifference, enum co::MigrationEffort,
    enum co::EbsFinding, enum co::EbsMetricName,
);

/// Today in UTC, the time zone of Cost Explorer's dates.
fn today() -> Date {
    Timestamp::now().to_zoned(TimeZone::UTC).date()
}

/// The months of the monthly costs, each `[start, end)`: the last three full
/// months and the current month to date. On the 1st the month to date is
/// empty, and Cost Explorer rejects a period whose start is not before its
/// end, so it is left out.
fn cost_months(today: Date) -> Result<Vec<(Date, Date)>, jiff::Error> {
    let this_month = today.first_of_month();
    let mut months = Vec::new();
    for back in (1..=3).rev() {
        let start = this_month.checked_sub(Span::new().months(back))?;
        months.push((start, start.checked_add(Span::new().months(1))?));
    }
    if today > this_month {
        months.push((this_month, today));
    }
    Ok(months)
}

/// The 30 days before today (today excluded: its costs are still coming in).
fn last_30_days(today: Date) -> Result<(Date, Date), jiff::Error> {
    Ok((today.checked_sub(Span::new().days(30))?, today))
}

/// The rest of the current month, from today (the forecast cannot start in
/// the past) to the 1st of the next month.
fn rest_of_month(today: Date) -> Result<(Date, Date), jiff::Error> {
    Ok((
        today,
        today.first_of_month().checked_add(Span::new().months(1))?,
    ))
}

/// `YYYY-MM` of a `YYYY-MM-DD` date.
fn month_of(date: &str) -> &str {
    date.get(..7).unwrap_or(date)
}

fn date_error(operation: &'static str) -> impl FnOnce(jiff::Error) -> CallError {
    move |error| CallError {
        operation,
        code: "InvalidDate".to_owned(),
        message: error.to_string(),
    }
}

fn interval(
    operation: &'static str,
    (start, end): (Date, Date),
) -> Result<ct::DateInterval, CallError> {
    ct::DateInterval::builder()
        .start(start.to_string())
        .end(end.to_string())
        .build()
        .map_err(|error| CallError {
            operation,
            code: "InvalidRequest".to_owned(),
            message: error.to_string(),
        })
}

/// `None` when Cost Explorer says it has no data to measure.
fn unless_unavailable<T>(outcome: Result<T, CallError>) -> Result<Option<T>, CallError> {
    match outcome {
        Ok(value) => Ok(Some(value)),
        Err(error) if error.code == DATA_UNAVAILABLE => Ok(None),
        Err(error) => Err(error),
    }
}

/// The next page's token: AWS ends some listings with an empty one.
fn next_token(token: Option<&str>) -> Option<String> {
    token.filter(|t| !t.is_empty()).map(str::to_owned)
}

/// Whether a numeric string the API returned is zero (absent counts as zero).
fn is_zero(amount: Option<&str>) -> bool {
    amount
        .and_then(|a| a.trim().parse::<f64>().ok())
        .is_none_or(|a| a == 0.0)
}

/// `time_period` followed by the fields of `body`.
fn with_period(time_period: &ct::DateInterval, body: Option<Value>) -> Value {
    let mut fields = Map::new();
    if let Some(period) = time_period.to_json() {
        fields.insert("TimePeriod".to_owned(), period);
    }
    if let Some(Value::Object(body)) = body {
        fields.extend(body);
    }
    Value::Object(fields)
}

/// One month of `GetCostAndUsage` results, gathered across pages (a month's
/// groups may be split over several).
#[derive(Default)]
struct MonthCost {
    time_period: Option<Value>,
    estimated: bool,
    total: Option<Value>,
    groups: Vec<Value>,
}

/// Every month of `GetCostAndUsage` over `period`, grouped by `group_by`,
/// keyed by the month's start date.
async fn cost_and_usage(
    scope: &Scope<'_>,
    client: &aws_sdk_costexplorer::Client,
    period: &ct::DateInterval,
    group_by: ct::GroupDefinition,
) -> Result<BTreeMap<String, MonthCost>, CallError> {
    let mut months: BTreeMap<String, MonthCost> = BTreeMap::new();
    let mut token = None;
    // The SDK has no paginator for GetCostAndUsage.
    loop {
        let output = scope
            .call(
                "GetCostAndUsage",
                client
                    .get_cost_and_usage()
                    .time_period(period.clone())
                    .granularity(ct::Granularity::Monthly)
                    .metrics(METRIC)
                    .group_by(group_by.clone())
                    .set_next_page_token(token.take())
                    .send(),
            )
            .await?;
        for result in output.results_by_time() {
            let Some(time_period) = result.time_period() else {
                continue;
            };
            let month = months.entry(time_period.start().to_owned()).or_default();
            if month.time_period.is_none() {
                month.time_period = time_period.to_json();
            }
            month.estimated |= result.estimated();
            // With GroupBy AWS leaves Total empty; should it ever fill it,
            // its own figure wins over the sum.
            if month.total.is_none() {
                month.total = result
                    .total()
                    .filter(|total| total.contains_key(METRIC))
                    .and_then(ToJson::to_json);
            }
            month
                .groups
                .extend(result.groups().iter().filter_map(ToJson::to_json));
        }
        token = next_token(output.next_page_token());
        if token.is_none() {
            return Ok(months);
        }
    }
}

async fn monthly_costs(scope: Scope<'_>) -> Result<(), CallError> {
    const OPERATION: &str = "GetCostAndUsage";
    let client = aws_sdk_costexplorer::Client::new(&scope.config());
    let months = cost_months(today()).map_err(date_error(OPERATION))?;
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return Ok(());
    };
    // One request for all the months: each request is billed.
    let period = interval(OPERATION, (first.0, last.1))?;
    let by_service = ct::GroupDefinition::builder()
        .r#type(ct::GroupDefinitionType::Dimension)
        .key("SERVICE")
        .build();
    let costs = cost_and_usage(&scope, &client, &period, by_service).await?;
    let mut items: BTreeMap<String, ConfigurationItem> = BTreeMap::new();
    for (start, month) in costs {
        let total = month
            .total
            .or_else(|| sum_of_groups(&month.groups).map(|sum| object([(METRIC, Some(sum))])));
        let configuration = object([
            ("TimePeriod", month.time_period),
            ("Estimated", Some(Value::Bool(month.estimated))),
            ("Total", total),
            ("Groups", Some(Value::Array(month.groups))),
        ]);
        let id = month_of(&start).to_owned();
        items.insert(
            id.clone(),
            scope.item(MONTHLY_COST, id, Some(configuration)),
        );
    }
    let mut by_tag: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    for key in &scope.account.settings.cost_tag_keys {
        let group = ct::GroupDefinition::builder()
            .r#type(ct::GroupDefinitionType::Tag)
            .key(key)
            .build();
        // A tag breakdown is extra detail: without it the monthly totals
        // still stand, so its failure is recorded and the months kept.
        let costs = cost_and_usage(&scope, &client, &period, group).await;
        for (start, month) in scope.recorded(costs).into_iter().flatten() {
            by_tag
                .entry(month_of(&start).to_owned())
                .or_default()
                .insert(key.clone(), Value::Array(month.groups));
        }
    }
    for (month, tags) in by_tag {
        if let Some(item) = items.get_mut(&month) {
            item.supplementary_configuration
                .insert("ByTag".to_owned(), Value::Object(tags));
        }
    }
    scope.add_all(items.into_values());
    Ok(())
}

/// The month's total from its groups' `UnblendedCost`: `{Amount, Unit}`,
/// the amount an exact decimal string like the API's own. `None` when an
/// amount is not a number (the total is then left out rather than wrong).
fn sum_of_groups(groups: &[Value]) -> Option<Value> {
    let mut sum = Decimal::ZERO;
    let mut unit = None;
    for metric in groups.iter().filter_map(|g| g.get("Metrics")?.get(METRIC)) {
        let Some(amount) = metric.get("Amount").and_then(Value::as_str) else {
            continue;
        };
        sum = sum.checked_add(Decimal::parse(amount)?)?;
        if unit.is_none() {
            unit = metric.get("Unit").and_then(Value::as_str);
        }
    }
    Some(object([
        ("Amount", Some(Value::String(sum.to_string()))),
        ("Unit", unit.map(Value::from)),
    ]))
}

async fn cost_allocation_tags(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_costexplorer::Client::new(&scope.config());
    let pages = scope
        .pages(
            "ListCostAllocationTags",
            client.list_cost_allocation_tags().into_paginator().send(),
        )
        .await?;
    for tag in pages.iter().flat_map(|p| p.cost_allocation_tags()) {
        scope.add(scope.item(COST_ALLOCATION_TAG, tag.tag_key(), tag.to_json()));
    }
    Ok(())
}

// The four commitment measures below read `DataUnavailableException` as
// "nothing to measure" and record nothing, not an error: Cost Explorer
// answers so when the account has no reservation or Savings Plan (for
// utilization) or no usage they could cover (for coverage). The commitment
// checks report one finding per item present, and a collection error under
// their types becomes a "could not collect" finding; neither a utilization
// of commitments that do not exist nor a coverage of no usage is a gap in
// the snapshot, and a 0% item would fail a target that does not apply. For
// the same reason an answer that measures nothing (no purchased hours, no
// commitment, no running hours or cost) is not recorded either. Any other
// error is recorded, so a denied call still shows as not collected.

async fn reservation_coverage(scope: Scope<'_>) -> Result<(), CallError> {
    const OPERATION: &str = "GetReservationCoverage";
    let client = aws_sdk_costexplorer::Client::new(&scope.config());
    let period = interval(
        OPERATION,
        last_30_days(today()).map_err(date_error(OPERATION))?,
    )?;
    // `Total` covers the whole period; pages would only split the
    // per-month entries, which are not kept. Without a SERVICE filter Cost
    // Explorer measures EC2, where reservations matter most.
    let output = scope.call(
        OPERATION,
        client
            .get_reservation_coverage()
            .time_period(period.clone())
            .granularity(ct::Granularity::Monthly)
            .send(),
    );
    let Some(output) = unless_unavailable(output.await)? else {
        return Ok(());
    };
    let Some(total) = output.total() else {
        return Ok(());
    };
    if is_zero(total.coverage_hours().and_then(|h| h.total_running_hours())) {
        return Ok(());
    }
    let configuration = with_period(&period, total.to_json());
    scope.add(scope.item(RI_COVERAGE, "reservation-coverage", Some(configuration)));
    Ok(())
}

async fn reservation_utilization(scope: Scope<'_>) -> Result<(), CallError> {
    const OPERATION: &str = "GetReservationUtilization";
    let client = aws_sdk_costexplorer::Client::new(&scope.config());
    let period = interval(
        OPERATION,
        last_30_days(today()).map_err(date_error(OPERATION))?,
    )?;
    // As for coverage, `Total` is the whole period's.
    let output = scope.call(
        OPERATION,
        client
            .get_reservation_utilization()
            .time_period(period.clone())
            .granularity(ct::Granularity::Monthly)
            .send(),
    );
    let Some(output) = unless_unavailable(output.await)? else {
        return Ok(());
    };
    let Some(total) = output.total() else {
        return Ok(());
    };
    if is_zero(total.purchased_hours()) && is_zero(total.purchased_units()) {
        return Ok(());
    }
    let configuration = with_period(&period, total.to_json());
    scope.add(scope.item(
        RI_UTILIZATION,
        "reservation-utilization",
        Some(configuration),
    ));
    Ok(())
}

async fn savings_plans_coverage(scope: Scope<'_>) -> Result<(), CallError> {
    const OPERATION: &str = "GetSavingsPlansCoverage";
    let client = aws_sdk_costexplorer::Client::new(&scope.config());
    let period = interval(
        OPERATION,
        last_30_days(today()).map_err(date_error(OPERATION))?,
    )?;
    let pages = scope.pages(
        OPERATION,
        client
            .get_savings_plans_coverage()
            .time_period(period.clone())
            .granularity(ct::Granularity::Monthly)
            .into_paginator()
            .send(),
    );
    let Some(pages) = unless_unavailable(pages.await)? else {
        return Ok(());
    };
    // The API has no total: the period's entries (one per month it
    // touches) are summed into one, as the coverage check reads it.
    let entries: Vec<&ct::SavingsPlansCoverageData> = pages
        .iter()
        .flat_map(|p| p.savings_plans_coverages())
        .filter_map(|c| c.coverage())
        .collect();
    let Some(coverage) = sum_coverage(&entries) else {
        return Err(CallError {
            operation: OPERATION,
            code: "InvalidResponse".to_owned(),
            message: "a coverage amount is not a number".to_owned(),
        });
    };
    if coverage.total_cost.is_zero() {
        return Ok(());
    }
    let configuration = with_period(&period, Some(coverage.to_json()));
    scope.add(scope.item(SP_COVERAGE, "savings-plans-coverage", Some(configuration)));
    Ok(())
}

/// Savings Plans coverage summed over several periods.
#[derive(Debug, PartialEq)]
struct SpCoverage {
    covered: Decimal,
    on_demand: Decimal,
    total_cost: Decimal,
}

impl SpCoverage {
    fn to_json(&self) -> Value {
        // The share covered, recomputed from the sums (a mean of the
        // periods' percentages would weigh a quiet month like a busy one).
        let percentage = if self.total_cost.is_zero() {
            0.0
        } else {
            self.covered.to_f64() / self.total_cost.to_f64() * 100.0
        };
        let percentage = (percentage * 100.0).round() / 100.0;
        object([
            (
                "CoveragePercentage",
                Some(Value::String(percentage.to_string())),
            ),
            (
                "OnDemandCost",
                Some(Value::String(self.on_demand.to_string())),
            ),
            (
                "SpendCoveredBySavingsPlans",
                Some(Value::String(self.covered.to_string())),
            ),
            (
                "TotalCost",
                Some(Value::String(self.total_cost.to_string())),
            ),
        ])
    }
}

/// `None` when an amount is not a number.
fn sum_coverage(entries: &[&ct::SavingsPlansCoverageData]) -> Option<SpCoverage> {
    let sum = |field: fn(&ct::SavingsPlansCoverageData) -> Option<&str>| {
        entries.iter().try_fold(Decimal::ZERO, |sum, entry| {
            sum.checked_add(Decimal::parse(field(entry).unwrap_or("0"))?)
        })
    };
    Some(SpCoverage {
        covered: sum(ct::SavingsPlansCoverageData::spend_covered_by_savings_plans)?,
        on_demand: sum(ct::SavingsPlansCoverageData::on_demand_cost)?,
        total_cost: sum(ct::SavingsPlansCoverageData::total_cost)?,
    })
}

async fn savings_plans_utilization(scope: Scope<'_>) -> Result<(), CallError> {
    const OPERATION: &str = "GetSavingsPlansUtilization";
    let client = aws_sdk_costexplorer::Client::new(&scope.config());
    let period = interval(
        OPERATION,
        last_30_days(today()).map_err(date_error(OPERATION))?,
    )?;
    let output = scope.call(
        OPERATION,
        client
            .get_savings_plans_utilization()
            .time_period(period.clone())
            .granularity(ct::Granularity::Monthly)
            .send(),
    );
    let Some(output) = unless_unavailable(output.await)? else {
        return Ok(());
    };
    let Some(total) = output.total() else {
        return Ok(());
    };
    if is_zero(total.utilization().and_then(|u| u.total_commitment())) {
        return Ok(());
    }
    let configuration = with_period(&period, total.to_json());
    scope.add(scope.item(
        SP_UTILIZATION,
        "savings-plans-utilization",
        Some(configuration),
    ));
    Ok(())
}

async fn anomalies(scope: Scope<'_>) -> Result<(), CallError> {
    const OPERATION: &str = "GetAnomalies";
    let client = aws_sdk_costexplorer::Client::new(&scope.config());
    let today = today();
    let start = today
        .checked_sub(Span::new().days(90))
        .map_err(date_error(OPERATION))?;
    let dates = ct::AnomalyDateInterval::builder()
        .start_date(start.to_string())
        .end_date(today.to_string())
        .build()
        .map_err(|error| CallError {
            operation: OPERATION,
            code: "InvalidRequest".to_owned(),
            message: error.to_string(),
        })?;
    let pages = scope
        .pages(
            OPERATION,
            client
                .get_anomalies()
                .date_interval(dates)
                .into_paginator()
                .send(),
        )
        .await?;
    for anomaly in pages.iter().flat_map(|p| p.anomalies()) {
        scope.add(scope.item(ANOMALY, anomaly.anomaly_id(), anomaly.to_json()));
    }
    Ok(())
}

async fn cost_forecast(scope: Scope<'_>) -> Result<(), CallError> {
    const OPERATION: &str = "GetCostForecast";
    let client = aws_sdk_costexplorer::Client::new(&scope.config());
    let today = today();
    let period = interval(
        OPERATION,
        rest_of_month(today).map_err(date_error(OPERATION))?,
    )?;
    let output = scope.call(
        OPERATION,
        client
            .get_cost_forecast()
            .time_period(period.clone())
            .metric(ct::Metric::UnblendedCost)
            .granularity(ct::Granularity::Monthly)
            .send(),
    );
    // Too little history to forecast from: there is no forecast to record,
    // and nothing was hidden by the collection.
    let Some(output) = unless_unavailable(output.await)? else {
        return Ok(());
    };
    // `Total` is the spend still to come this month, not the month's
    // total: the month to date is in the month's `MonthlyCost`.
    let configuration = with_period(
        &period,
        Some(object([
            ("Total", output.total().to_json()),
            (
                "ForecastResultsByTime",
                output.forecast_results_by_time().to_json(),
            ),
        ])),
    );
    let month = today.to_string();
    scope.add(scope.item(COST_FORECAST, month_of(&month), Some(configuration)));
    Ok(())
}

async fn savings_plans_recommendation(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_costexplorer::Client::new(&scope.config());
    let plan = ct::SupportedSavingsPlansType::ComputeSp;
    let term = ct::TermInYears::OneYear;
    let payment = ct::PaymentOption::NoUpfront;
    let lookback = ct::LookbackPeriodInDays::ThirtyDays;
    let output = scope.call(
        "GetSavingsPlansPurchaseRecommendation",
        client
            .get_savings_plans_purchase_recommendation()
            .savings_plans_type(plan.clone())
            .term_in_years(term.clone())
            .payment_option(payment.clone())
            .lookback_period_in_days(lookback.clone())
            .send(),
    );
    // No usage to recommend from: nothing to recommend, nothing hidden.
    let Some(output) = unless_unavailable(output.await)? else {
        return Ok(());
    };
    // The request's terms first, so an answer without a recommendation
    // (nothing worth buying) still says what was asked.
    let mut configuration = object([
        ("SavingsPlansType", plan.to_json()),
        ("TermInYears", term.to_json()),
        ("PaymentOption", payment.to_json()),
        ("LookbackPeriodInDays", lookback.to_json()),
        ("Metadata", output.metadata().to_json()),
    ]);
    if let (Value::Object(fields), Some(Value::Object(answer))) = (
        &mut configuration,
        output.savings_plans_purchase_recommendation().to_json(),
    ) {
        fields.extend(answer);
    }
    let id = recommendation_id(&[plan.as_str(), term.as_str(), payment.as_str()]);
    scope.add(scope.item(SP_RECOMMENDATION, id, Some(configuration)));
    Ok(())
}

/// `compute-sp-one-year-no-upfront` for `COMPUTE_SP`, `ONE_YEAR`, `NO_UPFRONT`.
fn recommendation_id(terms: &[&str]) -> String {
    terms
        .iter()
        .map(|t| t.to_ascii_lowercase().replace('_', "-"))
        .collect::<Vec<_>>()
        .join("-")
}

async fn budgets(scope: Scope<'_>) -> Result<(), CallError> {
    let client = aws_sdk_budgets::Client::new(&scope.config());
    let pages = scope.pages(
        "DescribeBudgets",
        client
            .describe_budgets()
            .account_id(&scope.account.id)
            .into_paginator()
            .send(),
    );
    let pages = match pages.await {
        Ok(pages) => pages,
        // The budgets of the caller's own account cannot be "not found"
        // except as "there are none" (an answer Budgets may give instead of
        // an empty list), which the budget check must see as no budget.
        Err(error) if error.code == "NotFoundException" => return Ok(()),
        Err(error) => return Err(error),
    };
    for budget in pages.iter().flat_map(|p| p.budgets()) {
        let name = budget.budget_name();
        let mut item = scope.item(BUDGET, name, budget.to_json());
        item.resource_name = Some(name.to_owned());
        item.arn = Some(
            scope
                .account
                .arn("budgets", GLOBAL, &format!("budget/{name}")),
        );
        scope.add(item);
    }
    Ok(())
}

// Compute Optimizer answers OptInRequiredException until the account opts
// in; it is returned as the error it is, so the rightsizing check reports
// the recommendations as not collected instead of passing on none.

async fn ec2_recommendations(scope: Scope<'_>) -> Result<(), CallError> {
    const OPERATION: &str = "GetEC2InstanceRecommendations";
    let client = aws_sdk_computeoptimizer::Client::new(&scope.config());
    let mut pages = Vec::new();
    let mut token = None;
    // The SDK has no paginator for this operation.
    loop {
        let page = scope
            .call(
                OPERATION,
                client
                    .get_ec2_instance_recommendations()
                    .set_next_token(token.take())
                    .send(),
            )
            .await?;
        token = next_token(page.next_token());
        pages.push(page);
        if token.is_none() {
            break;
        }
    }
    let mut items = Vec::new();
    for recommendation in pages.iter().flat_map(|p| p.instance_recommendations()) {
        let arn = recommendation.instance_arn().unwrap_or_default();
        let mut configuration = recommendation.to_json();
        sort_by_rank(&mut configuration, "recommendationOptions");
        items.push(scope.item(EC2_RECOMMENDATION, resource_id(arn), configuration));
    }
    scope.add_all(items);
    let errors: Vec<&co::GetRecommendationError> = pages.iter().flat_map(|p| p.errors()).collect();
    recommendation_errors(&scope, OPERATION, &errors);
    Ok(())
}

async fn ebs_recommendations(scope: Scope<'_>) -> Result<(), CallError> {
    const OPERATION: &str = "GetEBSVolumeRecommendations";
    let client = aws_sdk_computeoptimizer::Client::new(&scope.config());
    let mut pages = Vec::new();
    let mut token = None;
    // The SDK has no paginator for this operation.
    loop {
        let page = scope
            .call(
                OPERATION,
                client
                    .get_ebs_volume_recommendations()
                    .set_next_token(token.take())
                    .send(),
            )
            .await?;
        token = next_token(page.next_token());
        pages.push(page);
        if token.is_none() {
            break;
        }
    }
    let mut items = Vec::new();
    for recommendation in pages.iter().flat_map(|p| p.volume_recommendations()) {
        let arn = recommendation.volume_arn().unwrap_or_default();
        let mut configuration = recommendation.to_json();
        sort_by_rank(&mut configuration, "volumeRecommendationOptions");
        items.push(scope.item(EBS_RECOMMENDATION, resource_id(arn), configuration));
    }
    scope.add_all(items);
    let errors: Vec<&co::GetRecommendationError> = pages.iter().flat_map(|p| p.errors()).collect();
    recommendation_errors(&scope, OPERATION, &errors);
    Ok(())
}

/// The resource id at the end of an ARN (`i-0123…` of `…:instance/i-0123…`).
fn resource_id(arn: &str) -> &str {
    arn.rsplit('/').next().unwrap_or(arn)
}

/// Orders `field`'s options best first: the rightsizing check takes the
/// first as the recommendation, and the API does not promise an order.
fn sort_by_rank(configuration: &mut Option<Value>, field: &str) {
    if let Some(Value::Array(options)) = configuration.as_mut().and_then(|c| c.get_mut(field)) {
        options.sort_by_key(|o| o.get("rank").and_then(Value::as_i64).unwrap_or(i64::MAX));
    }
}

/// Resources Compute Optimizer could not give a recommendation for are
/// missing from the listing: one error names them, so the gap shows.
fn recommendation_errors(
    scope: &Scope<'_>,
    operation: &'static str,
    errors: &[&co::GetRecommendationError],
) {
    let Some(first) = errors.first() else {
        return;
    };
    let named: Vec<String> = errors
        .iter()
        .take(5)
        .map(|e| {
            format!(
                "{}: {}",
                e.identifier().unwrap_or("?"),
                e.message().unwrap_or("no message")
            )
        })
        .collect();
    let more = errors.len().saturating_sub(named.len());
    let message = if more == 0 {
        named.join("; ")
    } else {
        format!("{}; and {more} more", named.join("; "))
    };
    scope.fail(CallError {
        operation,
        code: first.code().unwrap_or("RecommendationError").to_owned(),
        message: format!("{} without a recommendation: {message}", errors.len()),
    });
}

/// A decimal amount as `units` × 10^-`scale`, so that sums of the API's
/// decimal strings stay exact (no binary floating-point drift in a total).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Decimal {
    units: i128,
    scale: u32,
}

impl Decimal {
    const ZERO: Self = Self { units: 0, scale: 0 };
    /// Beyond this many decimals an amount is noise, and sums could overflow.
    const MAX_SCALE: u32 = 24;

    /// `1234.5`, `-0.001`, `+3`, `1.2E-7`; `None` for anything else.
    fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(at) => (text.get(..at)?, text.get(at + 1..)?.parse::<i64>().ok()?),
            None => (text, 0),
        };
        let (negative, digits) = match mantissa.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        let mut units: i128 = 0;
        for c in whole.chars().chain(fraction.chars()) {
            units = units
                .checked_mul(10)?
                .checked_add(i128::from(c.to_digit(10)?))?;
        }
        let scale = i64::try_from(fraction.len()).ok()?.checked_sub(exponent)?;
        let (units, scale) = if scale < 0 {
            let factor = 10_i128.checked_pow(u32::try_from(-scale).ok()?)?;
            (units.checked_mul(factor)?, 0)
        } else {
            (units, u32::try_from(scale).ok()?)
        };
        if scale > Self::MAX_SCALE {
            return None;
        }
        Some(Self {
            units: if negative { -units } else { units },
            scale,
        })
    }

    fn rescale(self, scale: u32) -> Option<Self> {
        let factor = 10_i128.checked_pow(scale.checked_sub(self.scale)?)?;
        Some(Self {
            units: self.units.checked_mul(factor)?,
            scale,
        })
    }

    fn checked_add(self, other: Self) -> Option<Self> {
        let scale = self.scale.max(other.scale);
        let (a, b) = (self.rescale(scale)?, other.rescale(scale)?);
        Some(Self {
            units: a.units.checked_add(b.units)?,
            scale,
        })
    }

    fn is_zero(self) -> bool {
        self.units == 0
    }

    fn to_f64(self) -> f64 {
        self.units as f64 / 10_f64.powi(i32::try_from(self.scale).unwrap_or(i32::MAX))
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.units < 0 { "-" } else { "" };
        let digits = self.units.unsigned_abs().to_string();
        let scale = usize::try_from(self.scale).map_err(|_| fmt::Error)?;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let digits = format!("{digits:0>width$}", width = scale + 1);
        let (whole, fraction) = digits.split_at(digits.len() - scale);
        write!(f, "{sign}{whole}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn months(today: &str) -> Vec<(String, String)> {
        cost_months(date(today))
            .unwrap()
            .into_iter()
            .map(|(s, e)| (s.to_string(), e.to_string()))
            .collect()
    }

    fn pair(start: &str, end: &str) -> (String, String) {
        (start.to_owned(), end.to_owned())
    }

    #[test]
    fn three_full_months_and_the_month_to_date() {
        assert_eq!(
            months("2026-11-15"),
            vec![
                pair("2026-08-01", "2026-09-01"),
                pair("2026-09-01", "2026-10-01"),
                pair("2026-10-01", "2026-11-01"),
                pair("2026-11-01", "2026-11-15"),
            ]
        );
    }

    #[test]
    fn on_the_first_the_empty_month_to_date_is_left_out() {
        assert_eq!(
            months("2026-11-01"),
            vec![
                pair("2026-08-01", "2026-09-01"),
                pair("2026-09-01", "2026-10-01"),
                pair("2026-10-01", "2026-11-01"),
            ]
        );
    }

    #[test]
    fn months_cross_the_year() {
        assert_eq!(
            months("2026-02-28"),
            vec![
                pair("2025-11-01", "2025-12-01"),
                pair("2025-12-01", "2026-01-01"),
                pair("2026-01-01", "2026-02-01"),
                pair("2026-02-01", "2026-02-28"),
            ]
        );
    }

    #[test]
    fn windows_of_the_commitments_and_the_forecast() {
        let (start, end) = last_30_days(date("2026-11-30")).unwrap();
        assert_eq!(
            (start.to_string(), end.to_string()),
            pair("2026-10-31", "2026-11-30")
        );
        let (start, end) = rest_of_month(date("2026-12-31")).unwrap();
        assert_eq!(
            (start.to_string(), end.to_string()),
            pair("2026-12-31", "2027-01-01")
        );
        assert_eq!(month_of("2026-11-01"), "2026-11");
    }

    fn group(service: &str, amount: &str) -> Value {
        json!({"Keys": [service], "Metrics": {"UnblendedCost": {"Amount": amount, "Unit": "USD"}}})
    }

    #[test]
    fn the_total_is_the_exact_sum_of_the_groups() {
        let groups = [
            group("Amazon Elastic Compute Cloud - Compute", "1830.22"),
            group("EC2 - Other", "412.80"),
            group("Amazon Relational Database Service", "960.00"),
            group("Amazon Simple Storage Service", "221.35"),
            group("AWS Config", "18.40"),
        ];
        assert_eq!(
            sum_of_groups(&groups),
            Some(json!({"Amount": "3442.77", "Unit": "USD"}))
        );
        // Floating point would give 0.30000000000000004.
        let groups = [group("a", "0.1"), group("b", "0.2")];
        assert_eq!(
            sum_of_groups(&groups),
            Some(json!({"Amount": "0.3", "Unit": "USD"}))
        );
        let groups = [
            group("a", "12.0000000001"),
            group("b", "-0.5"),
            group("c", "3"),
        ];
        assert_eq!(
            sum_of_groups(&groups),
            Some(json!({"Amount": "14.5000000001", "Unit": "USD"}))
        );
    }

    #[test]
    fn no_groups_sum_to_zero_and_a_bad_amount_to_nothing() {
        assert_eq!(sum_of_groups(&[]), Some(json!({"Amount": "0"})));
        assert_eq!(sum_of_groups(&[group("a", "1"), group("b", "n/a")]), None);
    }

    #[test]
    fn decimals_parse_and_print() {
        let show = |text: &str| Decimal::parse(text).map(|d| d.to_string());
        assert_eq!(show("0"), Some("0".to_owned()));
        assert_eq!(show("-0.0000001"), Some("-0.0000001".to_owned()));
        assert_eq!(show("1.2E-7"), Some("0.00000012".to_owned()));
        assert_eq!(show("1.5e2"), Some("150".to_owned()));
        assert_eq!(show("+.5"), Some("0.5".to_owned()));
        assert_eq!(show(""), None);
        assert_eq!(show("1.2.3"), None);
        assert_eq!(show("-"), None);
    }

    #[test]
    fn savings_plans_coverage_is_summed_over_the_period() {
        let entry = |covered: &str, on_demand: &str, total: &str| {
            ct::SavingsPlansCoverageData::builder()
                .spend_covered_by_savings_plans(covered)
                .on_demand_cost(on_demand)
                .total_cost(total)
                .build()
        };
        let (a, b) = (entry("100", "50.5", "150.5"), entry("0", "49.5", "49.5"));
        let coverage = sum_coverage(&[&a, &b]).unwrap();
        assert_eq!(
            coverage.to_json(),
            json!({
                "CoveragePercentage": "50",
                "OnDemandCost": "100.0",
                "SpendCoveredBySavingsPlans": "100",
                "TotalCost": "200.0",
            })
        );
        let none = sum_coverage(&[]).unwrap();
        assert!(none.total_cost.is_zero());
    }

    #[test]
    fn recommendation_ids_read_like_the_terms() {
        assert_eq!(
            recommendation_id(&["COMPUTE_SP", "ONE_YEAR", "NO_UPFRONT"]),
            "compute-sp-one-year-no-upfront"
        );
    }

    #[test]
    fn options_are_ordered_best_first() {
        let mut configuration = Some(json!({"recommendationOptions": [
            {"instanceType": "t3.xlarge", "rank": 3},
            {"instanceType": "t3.large", "rank": 1},
            {"instanceType": "m6i.large", "rank": 2},
        ]}));
        sort_by_rank(&mut configuration, "recommendationOptions");
        let types: Vec<&str> = configuration.as_ref().unwrap()["recommendationOptions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["instanceType"].as_str().unwrap())
            .collect();
        assert_eq!(types, ["t3.large", "m6i.large", "t3.xlarge"]);
    }

    #[test]
    fn ids_come_from_the_arn() {
        assert_eq!(
            resource_id("arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0"),
            "i-0123456789abcdef0"
        );
        assert_eq!(
            resource_id("arn:aws:ec2:us-east-1:123456789012:volume/vol-0c3c3c3c3c3c3c3c3"),
            "vol-0c3c3c3c3c3c3c3c3"
        );
    }

    #[test]
    fn zero_and_absent_amounts_measure_nothing() {
        assert!(is_zero(None));
        assert!(is_zero(Some("0")));
        assert!(is_zero(Some("0.000")));
        assert!(!is_zero(Some("1440")));
    }
}
