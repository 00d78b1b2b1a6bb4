"""Checks parapet's outputs with the reference validators of each format.

Usage:
  validate.py botocore REQUEST.json...   each BatchImportFindings request body, with
                                         botocore's own parameter validation
  validate.py sarif FILE SCHEMA.json     against the SARIF 2.1.0 JSON Schema
  validate.py ocsf FILE                  each event against OCSF 1.6.0 Compliance
                                         Finding (cloud profile), from ocsf-json-schema
Prints one JSON object: {"checked": N}; exits 1 with the errors otherwise.
"""

import json
import sys


def fail(errors):
    print(json.dumps({"errors": errors[:20], "count": len(errors)}, indent=1), file=sys.stderr)
    sys.exit(1)


def botocore_requests(paths):
    import botocore.session
    from botocore.validate import ParamValidator

    model = botocore.session.get_session().get_service_model("securityhub")
    shape = model.operation_model("BatchImportFindings").input_shape
    errors, checked = [], 0
    for path in paths:
        with open(path) as f:
            request = json.load(f)
        report = ParamValidator().validate(request, shape)
        if report.has_errors():
            errors.append(f"{path}: {report.generate_report()}")
        checked += len(request.get("Findings", []))
    return errors, checked


def sarif(path, schema_path):
    import jsonschema

    with open(schema_path) as f:
        schema = json.load(f)
    with open(path) as f:
        log = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]
    return errors, sum(len(run.get("results", [])) for run in log.get("runs", []))


def ocsf(path):
    import jsonschema
    from ocsf_json_schema import OcsfJsonSchemaEmbedded, get_ocsf_schema

    schema = OcsfJsonSchemaEmbedded(get_ocsf_schema(version="1.6.0")).get_class_schema(
        class_name="compliance_finding", profiles=["cloud"]
    )
    validator = jsonschema.Draft202012Validator(schema)
    with open(path) as f:
        events = json.load(f)
    errors = []
    for n, event in enumerate(events):
        for error in validator.iter_errors(event):
            errors.append(f"event {n} /{'/'.join(map(str, error.absolute_path))}: {error.message}")
    return errors, len(events)


def main():
    kind = sys.argv[1]
    if kind == "botocore":
        errors, checked = botocore_requests(sys.argv[2:])
    elif kind == "sarif":
        errors, checked = sarif(sys.argv[2], sys.argv[3])
    elif kind == "ocsf":
        errors, checked = ocsf(sys.argv[2])
    else:
        sys.exit(f"unknown kind {kind!r}")
    if errors:
        fail(errors)
    print(json.dumps({"checked": checked}))


main()
