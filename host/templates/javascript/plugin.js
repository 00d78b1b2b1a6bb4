// {{name}}: a parapet plugin written in JavaScript.
//
// Check `{{check}}`: every EC2 instance carries an `Owner` tag.
//
// Build: `./build.sh`. Test: `parapet plugin test {{name}}.wasm --fixtures fixtures`.

import { resources } from 'parapet:plugin/host@0.1.0';

const CHECK_ID = '{{check}}';

function metadata() {
  return {
    id: '{{name}}',
    name: '{{name}}',
    version: '0.1.0',
    description: 'Checks written in JavaScript.',
    checks: [
      {
        id: CHECK_ID,
        title: 'EC2 instances have an Owner tag',
        description: 'Every EC2 instance carries an `Owner` tag naming who to call about it.',
        severity: 'low',
        findingTypes: ['Software and Configuration Checks/AWS Security Best Practices'],
        resourceTypes: ['AWS::EC2::Instance'],
        compliance: [],
        wellArchitected: [],
        remediation: { text: 'Tag the instance with Owner.', url: undefined },
      },
    ],
  };
}

function evaluate(checkId) {
  if (checkId !== CHECK_ID) {
    throw { tag: 'unknown-check', val: checkId };
  }
  return resources('AWS::EC2::Instance').map((text) => {
    const item = JSON.parse(text);
    const owner = (item.tags ?? {}).Owner;
    return {
      checkId: CHECK_ID,
      resource: { resourceType: item.resourceType, id: item.arn ?? item.resourceId, region: item.awsRegion, account: item.accountId },
      status: owner ? 'passed' : 'failed',
      severity: undefined,
      message: owner ? `instance ${item.resourceId} is owned by ${owner}` : `instance ${item.resourceId} has no Owner tag`,
      evidence: undefined,
    };
  });
}

export const checks = { metadata, evaluate };
