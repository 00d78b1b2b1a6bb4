"""{{name}}: a parapet plugin written in Python.

Check `{{check}}`: every EC2 instance carries an `Owner` tag.

Build: `./build.sh`. Test: `parapet plugin test {{name}}.wasm --fixtures fixtures`.
"""

import json

from componentize_py_types import Err
from wit_world import exports
from wit_world.imports import host
from wit_world.imports.types import (
    CheckMetadata,
    Finding,
    PluginError_UnknownCheck,
    PluginMetadata,
    Remediation,
    ResourceRef,
    Severity,
    Status,
)

CHECK_ID = "{{check}}"


class Checks(exports.Checks):
    def metadata(self) -> PluginMetadata:
        return PluginMetadata(
            id="{{name}}",
            name="{{name}}",
            version="0.1.0",
            description="Checks written in Python.",
            checks=[
                CheckMetadata(
                    id=CHECK_ID,
                    title="EC2 instances have an Owner tag",
                    description="Every EC2 instance carries an `Owner` tag naming who to call about it.",
                    severity=Severity.LOW,
                    finding_types=["Software and Configuration Checks/AWS Security Best Practices"],
                    resource_types=["AWS::EC2::Instance"],
                    compliance=[],
                    well_architected=[],
                    remediation=Remediation(text="Tag the instance with Owner.", url=None),
                )
            ],
        )

    def evaluate(self, check_id: str) -> list[Finding]:
        if check_id != CHECK_ID:
            raise Err(PluginError_UnknownCheck(check_id))
        findings = []
        for text in host.resources("AWS::EC2::Instance"):
            item = json.loads(text)
            owner = item.get("tags", {}).get("Owner")
            findings.append(
                Finding(
                    check_id=CHECK_ID,
                    resource=ResourceRef(
                        resource_type=item["resourceType"],
                        id=item.get("arn") or item["resourceId"],
                        region=item["awsRegion"],
                        account=item["accountId"],
                    ),
                    status=Status.PASSED if owner else Status.FAILED,
                    severity=None,
                    message=f"instance {item['resourceId']} is owned by {owner}" if owner else f"instance {item['resourceId']} has no Owner tag",
                    evidence=None,
                )
            )
        return findings
