"""ACME's house rule, as a parapet plugin written in Python.

Check `acme-role-trust-allowlist`: no IAM role may be assumable from an AWS
account outside the allow-list in the plugin's settings:

    [plugins.acme-python.settings]
    allowed_accounts = ["111122223333"]

The account being scanned is always allowed; service principals (such as
`ec2.amazonaws.com`) are not accounts and are ignored. A trust policy that
names `*` is open to every account and fails.

Build: `./build.sh` (componentize-py from PyPI). Test: `parapet plugin test
<component> --fixtures fixtures`.
"""

import json
import re
from urllib.parse import unquote

from componentize_py_types import Err
from wit_world import exports
from wit_world.imports import host
from wit_world.imports.types import (
    CheckMetadata,
    Finding,
    LogLevel,
    Pillar,
    PluginError_InvalidResource,
    PluginError_InvalidSettings,
    PluginError_UnknownCheck,
    PluginMetadata,
    Remediation,
    ResourceRef,
    Severity,
    Status,
    WellArchitected,
)

CHECK_ID = "acme-role-trust-allowlist"
ACCOUNT_IN_ARN = re.compile(r"^arn:aws[a-z-]*:iam::(\d{12}):")


class Checks(exports.Checks):
    def metadata(self) -> PluginMetadata:
        return PluginMetadata(
            id="acme-python",
            name="ACME house rules (Python)",
            version="0.1.0",
            description="Organisation-specific checks written in Python.",
            checks=[
                CheckMetadata(
                    id=CHECK_ID,
                    title="IAM roles trust only allow-listed accounts",
                    description=__doc__,
                    severity=Severity.HIGH,
                    finding_types=["Software and Configuration Checks/AWS Security Best Practices"],
                    resource_types=["AWS::IAM::Role"],
                    compliance=[],
                    well_architected=[WellArchitected(pillar=Pillar.SECURITY, best_practice="SEC03-BP09")],
                    remediation=Remediation(
                        text="Remove the foreign account from the role's trust policy, or add it to allowed_accounts after review.",
                        url="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html",
                    ),
                )
            ],
        )

    def evaluate(self, check_id: str) -> list[Finding]:
        if check_id != CHECK_ID:
            raise Err(PluginError_UnknownCheck(check_id))
        settings = json.loads(host.settings())
        allowed = settings.get("allowed_accounts", [])
        if not isinstance(allowed, list) or not all(isinstance(a, str) for a in allowed):
            raise Err(PluginError_InvalidSettings("allowed_accounts must be a list of account ids"))
        own = host.context().account_id
        findings = []
        for text in host.resources("AWS::IAM::Role"):
            item = json.loads(text)
            role = item["configuration"]
            name = role.get("RoleName", item["resourceId"])
            try:
                trusted = trusted_accounts(role.get("AssumeRolePolicyDocument"))
            except ValueError as error:
                raise Err(PluginError_InvalidResource(f"role {name}: {error}"))
            foreign = sorted(a for a in trusted if a != own and a not in allowed)
            resource = ResourceRef(
                resource_type=item["resourceType"],
                id=item.get("arn") or item["resourceId"],
                region=item["awsRegion"],
                account=item["accountId"],
            )
            if foreign:
                message = f"IAM role {name} can be assumed from accounts outside the allow-list: {', '.join(foreign)}"
                status = Status.FAILED
            else:
                message = f"IAM role {name} trusts no account outside the allow-list"
                status = Status.PASSED
            findings.append(
                Finding(
                    check_id=CHECK_ID,
                    resource=resource,
                    status=status,
                    severity=None,
                    message=message,
                    evidence=json.dumps({"TrustedAccounts": sorted(trusted)}),
                )
            )
        host.log(LogLevel.DEBUG, f"checked {len(findings)} roles")
        return findings


def trusted_accounts(document) -> set[str]:
    """Accounts (or `*`) an Allow statement of the trust policy names."""
    if isinstance(document, str):
        document = json.loads(document if document.lstrip().startswith("{") else unquote(document))
    if not isinstance(document, dict):
        raise ValueError("the trust policy is not a JSON object")
    statements = document.get("Statement", [])
    if isinstance(statements, dict):
        statements = [statements]
    accounts = set()
    for statement in statements:
        if statement.get("Effect") != "Allow":
            continue
        principal = statement.get("Principal", {})
        if principal == "*":
            accounts.add("*")
            continue
        aws = principal.get("AWS", []) if isinstance(principal, dict) else []
        for entry in [aws] if isinstance(aws, str) else aws:
            if entry == "*":
                accounts.add("*")
            elif re.fullmatch(r"\d{12}", entry):
                accounts.add(entry)
            elif match := ACCOUNT_IN_ARN.match(entry):
                accounts.add(match.group(1))
    return accounts
