//! Writes a synthetic snapshot for benchmarks: `cargo run --release --example
//! synthetic_snapshot -- 100000 big.json`.
//!
//! The mix follows a mid-sized account: mostly EC2 (volumes, instances,
//! security groups, network interfaces' worth of subnets and addresses), a
//! long tail of IAM principals with credential-report rows and inline
//! policies, and a few account-wide items. Output is deterministic.

#![allow(
    clippy::unwrap_used,
    reason = "a benchmark tool: failing loudly is fine"
)]

use std::collections::BTreeMap;

use parapet_snapshot::{ConfigurationItem, SCHEMA_VERSION, Snapshot};
use serde_json::{Value, json};

const ACCOUNT: &str = "123456789012";
const REGIONS: [&str; 4] = ["us-east-1", "us-west-2", "eu-west-1", "ap-northeast-2"];

/// Cheap deterministic randomness (a 64-bit LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn item(
    kind: &str,
    id: String,
    region: &str,
    arn: Option<String>,
    tags: BTreeMap<String, String>,
    configuration: Value,
) -> ConfigurationItem {
    ConfigurationItem {
        resource_type: kind.to_owned(),
        resource_id: id,
        resource_name: None,
        arn,
        aws_region: region.to_owned(),
        account_id: ACCOUNT.to_owned(),
        tags,
        configuration,
        supplementary_configuration: BTreeMap::new(),
    }
}

fn tags(rng: &mut Rng) -> BTreeMap<String, String> {
    let mut tags = BTreeMap::new();
    for (key, value) in [
        ("Environment", "prod"),
        ("Project", "orders"),
        ("Owner", "team@example.com"),
        ("CostCenter", "CC-1042"),
    ] {
        if rng.chance(80) {
            tags.insert(key.to_owned(), value.to_owned());
        }
    }
    tags
}

fn policy_document(rng: &mut Rng) -> Value {
    let action = if rng.chance(3) {
        json!("*")
    } else {
        json!(["s3:GetObject", "s3:ListBucket", "dynamodb:Query"])
    };
    let resource = if rng.chance(50) {
        json!("*")
    } else {
        json!("arn:aws:s3:::bucket/*")
    };
    json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": resource}]})
}

fn generate(count: usize) -> Snapshot {
    let mut rng = Rng(42);
    let mut resources = Vec::with_capacity(count);
    resources.push(item(
        "Parapet::IAM::AccountSummary",
        "account-summary".into(),
        "global",
        None,
        BTreeMap::new(),
        json!({"SummaryMap": {"AccountMFAEnabled": 1, "AccountAccessKeysPresent": 0}}),
    ));
    resources.push(item("Parapet::IAM::PasswordPolicy", "password-policy".into(), "global", None, BTreeMap::new(),
        json!({"MinimumPasswordLength": 14, "PasswordReusePrevention": 24, "RequireSymbols": true, "RequireNumbers": true,
               "RequireUppercaseCharacters": true, "RequireLowercaseCharacters": true})));
    let mut n = 0u64;
    while resources.len() < count {
        n += 1;
        let region = REGIONS[usize::try_from(rng.below(4)).unwrap()];
        let roll = rng.below(100);
        let next = match roll {
            0..=24 => {
                let id = format!("vol-{n:017x}");
                let attached = rng.chance(85);
                item(
                    "AWS::EC2::Volume",
                    id.clone(),
                    region,
                    Some(format!("arn:aws:ec2:{region}:{ACCOUNT}:volume/{id}")),
                    tags(&mut rng),
                    json!({"VolumeId": id, "VolumeType": if rng.chance(40) { "gp2" } else { "gp3" }, "Size": 8 + rng.below(500),
                           "State": if attached { "in-use" } else { "available" }, "Encrypted": rng.chance(70),
                           "Attachments": if attached { json!([{"InstanceId": format!("i-{:017x}", n - 1), "State": "attached"}]) } else { json!([]) }}),
                )
            }
            25..=44 => {
                let id = format!("i-{n:017x}");
                let instance_type = ["t3.micro", "m6i.large", "m4.xlarge", "c5.2xlarge"]
                    [usize::try_from(rng.below(4)).unwrap()];
                item(
                    "AWS::EC2::Instance",
                    id.clone(),
                    region,
                    Some(format!("arn:aws:ec2:{region}:{ACCOUNT}:instance/{id}")),
                    tags(&mut rng),
                    json!({"InstanceId": id, "InstanceType": instance_type,
                           "State": {"Name": if rng.chance(85) { "running" } else { "stopped" }},
                           "MetadataOptions": {"HttpTokens": if rng.chance(60) { "required" } else { "optional" }},
                           "PublicIpAddress": if rng.chance(20) { json!("54.0.0.1") } else { Value::Null },
                           "SecurityGroups": [{"GroupId": format!("sg-{:017x}", rng.below(n) + 1)}]}),
                )
            }
            45..=59 => {
                let id = format!("sg-{n:017x}");
                let open = rng.chance(10);
                item(
                    "AWS::EC2::SecurityGroup",
                    id.clone(),
                    region,
                    Some(format!(
                        "arn:aws:ec2:{region}:{ACCOUNT}:security-group/{id}"
                    )),
                    tags(&mut rng),
                    json!({"GroupId": id, "GroupName": format!("sg-{n}"), "VpcId": "vpc-0123456789abcdef0",
                           "IpPermissions": [{"IpProtocol": "tcp", "FromPort": if open { 22 } else { 443 }, "ToPort": if open { 22 } else { 443 },
                                              "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
                                             {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "UserIdGroupPairs": [{"GroupId": id}]}],
                           "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}),
                )
            }
            60..=67 => {
                let id = format!("subnet-{n:017x}");
                item(
                    "AWS::EC2::Subnet",
                    id.clone(),
                    region,
                    None,
                    tags(&mut rng),
                    json!({"SubnetId": id, "VpcId": "vpc-0123456789abcdef0", "CidrBlock": "10.0.0.0/24", "MapPublicIpOnLaunch": rng.chance(30)}),
                )
            }
            68..=72 => {
                let id = format!("eipalloc-{n:017x}");
                item(
                    "AWS::EC2::EIP",
                    id.clone(),
                    region,
                    None,
                    tags(&mut rng),
                    json!({"AllocationId": id, "PublicIp": "52.0.0.1", "AssociationId": if rng.chance(80) { json!("eipassoc-1") } else { Value::Null }}),
                )
            }
            73..=84 => {
                let name = format!("user-{n}");
                let arn = format!("arn:aws:iam::{ACCOUNT}:user/{name}");
                let console = rng.chance(60);
                let row = item(
                    "Parapet::IAM::CredentialReportRow",
                    name.clone(),
                    "global",
                    Some(arn.clone()),
                    BTreeMap::new(),
                    json!({"user": name, "arn": arn, "password_enabled": if console { "true" } else { "false" },
                           "mfa_active": if console && rng.chance(85) { "true" } else { "false" },
                           "access_key_1_active": if rng.chance(50) { "true" } else { "false" }, "access_key_2_active": "false"}),
                );
                resources.push(row);
                item(
                    "AWS::IAM::User",
                    name.clone(),
                    "global",
                    Some(arn.clone()),
                    tags(&mut rng),
                    json!({"UserName": name, "Arn": arn, "UserPolicyList": if rng.chance(30) { json!([{"PolicyName": "inline", "PolicyDocument": policy_document(&mut rng)}]) } else { json!([]) },
                           "GroupList": ["developers"], "AttachedManagedPolicies": []}),
                )
            }
            85..=94 => {
                let name = format!("role-{n}");
                let arn = format!("arn:aws:iam::{ACCOUNT}:role/{name}");
                item(
                    "AWS::IAM::Role",
                    name.clone(),
                    "global",
                    Some(arn.clone()),
                    tags(&mut rng),
                    json!({"RoleName": name, "Arn": arn,
                           "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                           "RolePolicyList": [{"PolicyName": "inline", "PolicyDocument": policy_document(&mut rng)}]}),
                )
            }
            _ => {
                let name = format!("policy-{n}");
                let arn = format!("arn:aws:iam::{ACCOUNT}:policy/{name}");
                item(
                    "AWS::IAM::Policy",
                    name.clone(),
                    "global",
                    Some(arn.clone()),
                    BTreeMap::new(),
                    json!({"PolicyName": name, "Arn": arn, "DefaultVersionId": "v1", "AttachmentCount": rng.below(3),
                           "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": policy_document(&mut rng)}]}),
                )
            }
        };
        resources.push(next);
    }
    resources.truncate(count);
    Snapshot {
        schema_version: SCHEMA_VERSION,
        account_id: ACCOUNT.to_owned(),
        partition: "aws".to_owned(),
        regions: REGIONS.iter().map(|r| (*r).to_owned()).collect(),
        collected_at: "2026-11-30T06:00:00Z".parse().unwrap(),
        collection_errors: Vec::new(),
        resources,
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: synthetic_snapshot COUNT OUTPUT.json";
    let count: usize = args.next().and_then(|n| n.parse().ok()).expect(usage);
    let output = args.next().expect(usage);
    let snapshot = generate(count);
    let file = std::io::BufWriter::new(std::fs::File::create(&output).unwrap());
    serde_json::to_writer(file, &snapshot).unwrap();
    eprintln!("wrote {count} resources to {output}");
}
