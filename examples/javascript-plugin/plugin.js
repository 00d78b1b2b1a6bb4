// ACME's house rule, as a parapet plugin written in JavaScript.
//
// Check `acme-sg-data-class`: every security group must carry a `DataClass`
// tag whose value is one of the plugin's `classes` setting (default:
// public, internal, confidential, restricted):
//
//     [plugins.acme-js.settings]
//     classes = ["public", "internal", "confidential", "restricted"]
//
// Build: `./build.sh` (componentize-js from npm). Test: `parapet plugin test
// <component> --fixtures fixtures`.

import { context, log, resources, settings } from 'parapet:plugin/host@0.1.0';

const CHECK_ID = 'acme-sg-data-class';
const DEFAULT_CLASSES = ['public', 'internal', 'confidential', 'restricted'];

function metadata() {
  return {
    id: 'acme-js',
    name: 'ACME house rules (JavaScript)',
    version: '0.1.0',
    description: 'Organisation-specific checks written in JavaScript.',
    checks: [
      {
        id: CHECK_ID,
        title: 'Security groups carry a valid DataClass tag',
        description:
          'Every security group must be tagged `DataClass` with one of the allowed classes, so that reviews know what data the traffic it admits may carry.',
        severity: 'medium',
        findingTypes: ['Software and Configuration Checks/AWS Security Best Practices/Resource Tagging'],
        resourceTypes: ['AWS::EC2::SecurityGroup'],
        compliance: [],
        wellArchitected: [{ pillar: 'security', bestPractice: 'SEC07-BP01' }],
        remediation: {
          text: 'Tag the security group with DataClass set to one of the allowed classes.',
          url: 'https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html',
        },
      },
    ],
  };
}

function evaluate(checkId) {
  if (checkId !== CHECK_ID) {
    throw { tag: 'unknown-check', val: checkId };
  }
  const config = JSON.parse(settings());
  const classes = config.classes ?? DEFAULT_CLASSES;
  if (!Array.isArray(classes) || classes.some((c) => typeof c !== 'string')) {
    throw { tag: 'invalid-settings', val: 'classes must be a list of strings' };
  }
  const findings = resources('AWS::EC2::SecurityGroup').map((text) => {
    const item = JSON.parse(text);
    const value = (item.tags ?? {}).DataClass;
    const name = `security group ${item.resourceId}`;
    let status = 'passed';
    let message = `${name} is tagged DataClass=${value}`;
    if (value === undefined) {
      status = 'failed';
      message = `${name} has no DataClass tag`;
    } else if (!classes.includes(value)) {
      status = 'failed';
      message = `${name} has DataClass=${value}, which is not one of ${classes.join(', ')}`;
    }
    return {
      checkId: CHECK_ID,
      resource: {
        resourceType: item.resourceType,
        id: item.arn ?? item.resourceId,
        region: item.awsRegion,
        account: item.accountId,
      },
      status,
      severity: undefined,
      message,
      evidence: undefined,
    };
  });
  log('debug', `checked ${findings.length} security groups in account ${context().accountId}`);
  return findings;
}

export const checks = { metadata, evaluate };
