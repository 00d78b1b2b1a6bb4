//! CloudWatch metrics that tell whether a resource is used.

use std::collections::HashMap;
use std::time::{Duration, SystemTime};

use aws_sdk_cloudwatch::Client;
use aws_sdk_cloudwatch::types::{Dimension, Statistic};
use aws_smithy_types::DateTime;

use crate::account::Scope;

/// How far back "idle" looks.
const IDLE_WINDOW: Duration = Duration::from_secs(14 * 24 * 3600);

/// Bytes each NAT gateway sent out over the last 14 days. A failed call is
/// recorded against NAT gateways (the idle check then says not available)
/// and leaves that gateway out of the map.
pub(crate) async fn nat_bytes_out(
    scope: &Scope<'_>,
    gateways: &[&aws_sdk_ec2::types::NatGateway],
) -> HashMap<String, f64> {
    let scope = scope.as_service("cloudwatch", &[super::ec2::NAT_GATEWAY]);
    let client = Client::new(&scope.config());
    let end = SystemTime::now();
    let start = end - IDLE_WINDOW;
    let mut sums = HashMap::new();
    for id in gateways.iter().filter_map(|g| g.nat_gateway_id()) {
        let request = client
            .get_metric_statistics()
            .namespace("AWS/NATGateway")
            .metric_name("BytesOutToDestination")
            .dimensions(Dimension::builder().name("NatGatewayId").value(id).build())
            .start_time(DateTime::from(start))
            .end_time(DateTime::from(end))
            .period(i32::try_from(IDLE_WINDOW.as_secs()).unwrap_or(i32::MAX))
            .statistics(Statistic::Sum);
        let output = scope.call("GetMetricStatistics", request.send()).await;
        if let Some(output) = scope.recorded(output) {
            let sum = output.datapoints().iter().filter_map(|d| d.sum()).sum();
            sums.insert(id.to_owned(), sum);
        }
    }
    sums
}
