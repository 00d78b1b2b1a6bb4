"""Seeds a moto server with an AWS account for the collector's tests.

Usage: seed.py ENDPOINT SCENARIO [ARGS...]; prints what it made as JSON.

Scenarios:
  account        one account in us-east-1 and eu-west-1 with known
                 violations (open admin ports, IMDSv1, unencrypted and
                 unattached volumes, a public snapshot, an unused Elastic IP,
                 weak password policy, a full-admin policy, ...), AWS Config,
                 CloudTrail, GuardDuty, Security Hub, KMS, Secrets Manager,
                 tags and Cost Explorer results.
  bulk N         about N resources spread over us-east-1 and eu-west-1.
  organization   an AWS Organization: the management account, three
                 members (a VPC in each), an SCP guarding one member.
  deny SERVICE   a user allowed everything but SERVICE:*; prints its keys,
                 then turns on moto's IAM enforcement.
"""

import json
import sys
import urllib.request

import boto3

ENDPOINT = sys.argv[1]
REGIONS = ["us-east-1", "eu-west-1"]
ACCOUNT = "123456789012"


def client(service, region="us-east-1"):
    return boto3.client(
        service,
        endpoint_url=ENDPOINT,
        region_name=region,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def tags(**pairs):
    return [{"Key": k, "Value": v} for k, v in pairs.items()]


def seed_iam(made):
    iam = client("iam")
    admin_doc = json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
    )
    policy = iam.create_policy(PolicyName="legacy-full-access", PolicyDocument=admin_doc)
    iam.create_group(GroupName="admins")
    iam.attach_group_policy(GroupName="admins", PolicyArn=policy["Policy"]["Arn"])
    iam.create_user(UserName="alice", Tags=tags(Project="orders"))
    iam.create_login_profile(UserName="alice", Password="Passw0rd!Passw0rd")
    iam.create_access_key(UserName="alice")
    iam.put_user_policy(UserName="alice", PolicyName="inline-admin", PolicyDocument=admin_doc)
    iam.add_user_to_group(UserName="alice", GroupName="admins")
    iam.create_user(UserName="bob")
    trust = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::999999999999:root"},
                    "Action": "sts:AssumeRole",
                }
            ],
        }
    )
    iam.create_role(RoleName="partner-access", AssumeRolePolicyDocument=trust)
    iam.update_account_password_policy(MinimumPasswordLength=8, RequireSymbols=False)
    iam.create_virtual_mfa_device(VirtualMFADeviceName="spare")
    iam.upload_server_certificate(
        ServerCertificateName="legacy-shop",
        CertificateBody="-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        PrivateKey="unused",
    )
    made["iam"] = {
        "users": ["alice", "bob"],
        "groups": ["admins"],
        "roles": ["partner-access"],
        "policies": ["legacy-full-access"],
        "server_certificates": ["legacy-shop"],
        "virtual_mfa_devices": 1,
    }


def seed_region(region, made):
    ec2 = client("ec2", region)
    vpc = ec2.create_vpc(
        CidrBlock="10.20.0.0/16",
        TagSpecifications=[{"ResourceType": "vpc", "Tags": tags(Project="orders", Name="orders")}],
    )["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.1.0/24")["Subnet"]["SubnetId"]
    ec2.modify_subnet_attribute(SubnetId=subnet, MapPublicIpOnLaunch={"Value": True})
    sg = ec2.create_security_group(GroupName="ssh-from-anywhere", Description="open admin ports", VpcId=vpc)[
        "GroupId"
    ]
    ec2.authorize_security_group_ingress(
        GroupId=sg,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
            {"IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "Ipv6Ranges": [{"CidrIpv6": "::/0"}]},
        ],
    )
    acl = ec2.create_network_acl(VpcId=vpc)["NetworkAcl"]["NetworkAclId"]
    ec2.create_network_acl_entry(
        NetworkAclId=acl,
        RuleNumber=100,
        Protocol="6",
        RuleAction="allow",
        Egress=False,
        CidrBlock="0.0.0.0/0",
        PortRange={"From": 22, "To": 22},
    )
    instances = ec2.run_instances(
        ImageId="ami-0abcdef1234567890",
        MinCount=1,
        MaxCount=1,
        InstanceType="m5.large",
        SubnetId=subnet,
        SecurityGroupIds=[sg],
        MetadataOptions={"HttpTokens": "optional"},
        TagSpecifications=[{"ResourceType": "instance", "Tags": tags(Project="orders")}],
    )["Instances"]
    imds_v1 = instances[0]["InstanceId"]
    guarded = ec2.run_instances(
        ImageId="ami-0abcdef1234567890",
        MinCount=1,
        MaxCount=1,
        InstanceType="t3.micro",
        SubnetId=subnet,
        MetadataOptions={"HttpTokens": "required"},
    )["Instances"][0]["InstanceId"]
    volume = ec2.create_volume(
        AvailabilityZone=f"{region}a",
        Size=100,
        VolumeType="gp2",
        Encrypted=False,
        TagSpecifications=[{"ResourceType": "volume", "Tags": tags(Project="orders")}],
    )["VolumeId"]
    snapshot = ec2.create_snapshot(VolumeId=volume, Description="nightly")["SnapshotId"]
    ec2.modify_snapshot_attribute(
        SnapshotId=snapshot, Attribute="createVolumePermission", OperationType="add", GroupNames=["all"]
    )
    eip = ec2.allocate_address(Domain="vpc")["AllocationId"]
    made.setdefault("regions", {})[region] = {
        "vpc": vpc,
        "subnet": subnet,
        "security_group": sg,
        "network_acl": acl,
        "instances": [imds_v1, guarded],
        "imds_v1_instance": imds_v1,
        "volume": volume,
        "snapshot": snapshot,
        "eip": eip,
    }


def seed_services(made):
    s3 = client("s3")
    s3.create_bucket(Bucket="acme-cloudtrail-logs")
    s3.put_bucket_tagging(Bucket="acme-cloudtrail-logs", Tagging={"TagSet": tags(Project="audit")})
    trail = client("cloudtrail")
    trail.create_trail(Name="management-events", S3BucketName="acme-cloudtrail-logs", IsMultiRegionTrail=True)
    trail.start_logging(Name="management-events")
    config = client("config")
    config.put_configuration_recorder(
        ConfigurationRecorder={
            "name": "default",
            "roleARN": f"arn:aws:iam::{ACCOUNT}:role/config",
            "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": True},
        }
    )
    config.put_delivery_channel(DeliveryChannel={"name": "default", "s3BucketName": "acme-cloudtrail-logs"})
    config.start_configuration_recorder(ConfigurationRecorderName="default")
    detector = client("guardduty").create_detector(Enable=True)["DetectorId"]
    client("securityhub").enable_security_hub()
    kms = client("kms")
    key = kms.create_key(Description="orders data")["KeyMetadata"]["KeyId"]
    secret = client("secretsmanager").create_secret(Name="orders/db", SecretString="hunter2")["ARN"]
    made["services"] = {
        "trail": "management-events",
        "recorder": "default",
        "detector": detector,
        "kms_key": key,
        "secret": secret,
        "bucket": "acme-cloudtrail-logs",
    }


def inject_costs(made):
    """Cost Explorer answers from moto's result queue, in call order."""
    months = [("2026-08", "2026-09"), ("2026-09", "2026-10"), ("2026-10", "2026-11"), ("2026-11", "2026-12")]
    results = []
    for start, end in months:
        results.append(
            {
                "TimePeriod": {"Start": f"{start}-01", "End": f"{end}-01"},
                "Total": {},
                "Groups": [
                    {
                        "Keys": ["Amazon Elastic Compute Cloud - Compute"],
                        "Metrics": {"UnblendedCost": {"Amount": "1200.50", "Unit": "USD"}},
                    },
                    {"Keys": ["Amazon Simple Storage Service"], "Metrics": {"UnblendedCost": {"Amount": "99.50", "Unit": "USD"}}},
                ],
                "Estimated": start == "2026-11",
            }
        )
    payload = json.dumps({"results": [{"ResultsByTime": results, "DimensionValueAttributes": []}]}).encode()
    request = urllib.request.Request(
        f"{ENDPOINT}/moto-api/static/ce/cost-and-usage-results",
        data=payload,
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(request).read()
    made["cost_months"] = len(months)


def account():
    made = {"account": ACCOUNT}
    seed_iam(made)
    for region in REGIONS:
        seed_region(region, made)
    seed_services(made)
    inject_costs(made)
    return made


def bulk(total):
    """About `total` resources: per region security groups, volumes,
    instances and subnets, plus IAM users."""
    made = {"account": ACCOUNT, "regions": {}}
    per_region = (total - 100) // len(REGIONS)
    iam = client("iam")
    for i in range(100):
        iam.create_user(UserName=f"user-{i:03}")
    for region in REGIONS:
        ec2 = client("ec2", region)
        vpc = ec2.create_vpc(CidrBlock="10.30.0.0/16")["Vpc"]["VpcId"]
        counts = {"subnets": 0, "security_groups": 0, "volumes": 0, "instances": 0}
        quarter = per_region // 4
        for i in range(quarter):
            ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.30.{i % 250}.{(i // 250) * 16}/28")
            counts["subnets"] += 1
        for i in range(quarter):
            ec2.create_security_group(GroupName=f"sg-{i:04}", Description="bulk", VpcId=vpc)
            counts["security_groups"] += 1
        for i in range(quarter):
            ec2.create_volume(AvailabilityZone=f"{region}a", Size=8, TagSpecifications=[
                {"ResourceType": "volume", "Tags": tags(Project="bulk")}])
            counts["volumes"] += 1
        launched = 0
        while launched < quarter:
            batch = min(50, quarter - launched)
            ec2.run_instances(ImageId="ami-0abcdef1234567890", MinCount=batch, MaxCount=batch, InstanceType="t3.micro")
            launched += batch
        counts["instances"] = launched
        made["regions"][region] = counts
    made["iam_users"] = 100
    return made


def deny(service):
    iam = client("iam")
    iam.create_user(UserName="collector")
    iam.put_user_policy(
        UserName="collector",
        PolicyName="all-but-one",
        PolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {"Effect": "Allow", "Action": "*", "Resource": "*"},
                    {"Effect": "Deny", "Action": f"{service}:*", "Resource": "*"},
                ],
            }
        ),
    )
    key = iam.create_access_key(UserName="collector")["AccessKey"]
    # From here on moto checks every request against IAM.
    request = urllib.request.Request(
        f"{ENDPOINT}/moto-api/reset-auth", data=b"0", method="POST", headers={"Content-Type": "text/plain"}
    )
    urllib.request.urlopen(request).read()
    return {"access_key_id": key["AccessKeyId"], "secret_access_key": key["SecretAccessKey"]}


def organization():
    """An organization of the management account and three members, a
    guardrail SCP on one of them, and a VPC in each member."""
    org = client("organizations")
    org.create_organization(FeatureSet="ALL")
    members = []
    for name in ["dev", "prod", "sandbox"]:
        status = org.create_account(Email=f"{name}@example.com", AccountName=name)["CreateAccountStatus"]
        members.append(status["AccountId"])
    guardrail = org.create_policy(
        Name="deny-leaving-org",
        Description="members stay",
        Type="SERVICE_CONTROL_POLICY",
        Content=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}],
            }
        ),
    )["Policy"]["PolicySummary"]["Id"]
    org.attach_policy(PolicyId=guardrail, TargetId=members[1])
    sts = client("sts")
    vpcs = {}
    for member in members:
        credentials = sts.assume_role(
            RoleArn=f"arn:aws:iam::{member}:role/OrganizationAccountAccessRole", RoleSessionName="seed"
        )["Credentials"]
        ec2 = boto3.client(
            "ec2",
            endpoint_url=ENDPOINT,
            region_name="us-east-1",
            aws_access_key_id=credentials["AccessKeyId"],
            aws_secret_access_key=credentials["SecretAccessKey"],
            aws_session_token=credentials["SessionToken"],
        )
        vpcs[member] = ec2.create_vpc(CidrBlock="10.40.0.0/16")["Vpc"]["VpcId"]
    return {"management": ACCOUNT, "members": members, "guarded": members[1], "vpcs": vpcs}


def main():
    scenario = sys.argv[2]
    if scenario == "account":
        made = account()
    elif scenario == "bulk":
        made = bulk(int(sys.argv[3]))
    elif scenario == "organization":
        made = organization()
    elif scenario == "deny":
        made = deny(sys.argv[3])
    else:
        sys.exit(f"unknown scenario {scenario!r}")
    print(json.dumps(made))


if __name__ == "__main__":
    main()
