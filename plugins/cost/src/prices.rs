//! On-demand list prices used to estimate what waste costs per month.
//!
//! Basis: AWS public on-demand prices for us-east-1 (Linux, shared tenancy)
//! as listed in November 2026. Other regions are estimated at the us-east-1
//! rate (most are within 10-20% of it); findings say so. These are
//! estimates for ranking waste, not invoices: discounts, Savings Plans and
//! credits are not applied.

/// Where the prices come from, for messages and evidence.
pub(crate) const PRICE_BASIS: &str = "us-east-1 on-demand list prices, November 2026";

/// Hours in an average month (AWS bills 730).
pub(crate) const HOURS_PER_MONTH: f64 = 730.0;

/// USD per GB-month of EBS storage, by volume type.
pub(crate) fn ebs_gb_month(volume_type: &str) -> Option<f64> {
    Some(match volume_type {
        "gp2" => 0.10,
        "gp3" => 0.08,
        "io1" | "io2" => 0.125,
        "st1" => 0.045,
        "sc1" => 0.015,
        "standard" => 0.05,
        _ => return None,
    })
}

/// USD per GB-month of EBS snapshot storage (standard tier).
pub(crate) const SNAPSHOT_GB_MONTH: f64 = 0.05;

/// USD per hour for a public IPv4 address, attached or not.
pub(crate) const PUBLIC_IPV4_HOUR: f64 = 0.005;

/// USD per hour of a NAT gateway, before data processing.
pub(crate) const NAT_GATEWAY_HOUR: f64 = 0.045;

/// USD per hour of an Application or Network Load Balancer, before capacity units.
pub(crate) const LOAD_BALANCER_HOUR: f64 = 0.0225;

/// USD per hour of an instance, for the types the price table knows.
pub(crate) fn instance_hour(instance_type: &str) -> Option<f64> {
    Some(match instance_type {
        "t2.micro" => 0.0116,
        "t2.small" => 0.023,
        "t2.medium" => 0.0464,
        "t2.large" => 0.0928,
        "t3.micro" => 0.0104,
        "t3.small" => 0.0208,
        "t3.medium" => 0.0416,
        "t3.large" => 0.0832,
        "m4.large" => 0.10,
        "m4.xlarge" => 0.20,
        "m4.2xlarge" => 0.40,
        "m5.large" => 0.096,
        "m5.xlarge" => 0.192,
        "m6i.large" => 0.096,
        "m6i.xlarge" => 0.192,
        "m7i.large" => 0.1008,
        "c4.large" => 0.10,
        "c4.xlarge" => 0.199,
        "c5.large" => 0.085,
        "c5.xlarge" => 0.17,
        "c5.2xlarge" => 0.34,
        "r4.large" => 0.133,
        "r5.large" => 0.126,
        _ => return None,
    })
}

/// Rounds dollars to cents for messages and evidence.
pub(crate) fn usd(amount: f64) -> f64 {
    (amount * 100.0).round() / 100.0
}
