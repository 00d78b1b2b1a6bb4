"""Security Hub on a moto server, for the publishing tests.

Usage: securityhub.py ENDPOINT COMMAND [ARGS...]; prints JSON.
  enable REGION...            enable Security Hub in each region
  foreign REGION              import a finding of another product; prints its id
  triage REGION ID            set the customer-owned fields (Workflow, Note,
                              UserDefinedFields, VerificationState) of a finding,
                              as the console would
  findings REGION             every finding in the region
"""

import json
import sys

import boto3

ENDPOINT = sys.argv[1]
ACCOUNT = "123456789012"


def client(region):
    return boto3.client(
        "securityhub",
        endpoint_url=ENDPOINT,
        region_name=region,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def findings(region):
    hub = client(region)
    found, token = [], None
    while True:
        page = hub.get_findings(MaxResults=100, **({"NextToken": token} if token else {}))
        found.extend(page["Findings"])
        token = page.get("NextToken")
        if not token:
            return found


def main():
    command, args = sys.argv[2], sys.argv[3:]
    if command == "enable":
        for region in args:
            client(region).enable_security_hub(EnableDefaultStandards=False)
        print(json.dumps({"enabled": args}))
    elif command == "foreign":
        region = args[0]
        finding = {
            "SchemaVersion": "2018-10-08",
            "Id": "guardduty/finding/1",
            "ProductArn": f"arn:aws:securityhub:{region}::product/aws/guardduty",
            "GeneratorId": "arn:aws:guardduty:detector/1",
            "AwsAccountId": ACCOUNT,
            "Types": ["TTPs/Initial Access"],
            "CreatedAt": "2026-11-01T00:00:00.000Z",
            "UpdatedAt": "2026-11-01T00:00:00.000Z",
            "Severity": {"Label": "HIGH"},
            "Title": "Unusual console login",
            "Description": "from another product",
            "Resources": [{"Type": "AwsAccount", "Id": f"AWS::::Account:{ACCOUNT}"}],
            "RecordState": "ACTIVE",
            "Region": region,
        }
        client(region).batch_import_findings(Findings=[finding])
        print(json.dumps({"id": finding["Id"]}))
    elif command == "triage":
        region, finding_id = args
        hub = client(region)
        finding = next(f for f in findings(region) if f["Id"] == finding_id)
        finding.update(
            {
                "Workflow": {"Status": "SUPPRESSED"},
                "Note": {"Text": "accepted by the team", "UpdatedBy": "alice", "UpdatedAt": "2026-11-02T00:00:00.000Z"},
                "UserDefinedFields": {"ticket": "SEC-42"},
                "VerificationState": "TRUE_POSITIVE",
            }
        )
        hub.batch_import_findings(Findings=[finding])
        print(json.dumps({"triaged": finding_id}))
    elif command == "findings":
        print(json.dumps(findings(args[0])))
    else:
        sys.exit(f"unknown command {command!r}")


main()
