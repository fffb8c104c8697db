import { defineCheck } from '../../../src/core/check.js';

/** Runtimes AWS deprecated by the end of 2025 (no more security patches); the list is a parameter so it can follow AWS's table. */
const DEPRECATED_RUNTIMES = [
  'nodejs', 'nodejs4.3', 'nodejs4.3-edge', 'nodejs6.10', 'nodejs8.10', 'nodejs10.x', 'nodejs12.x', 'nodejs14.x', 'nodejs16.x', 'nodejs18.x',
  'python2.7', 'python3.6', 'python3.7', 'python3.8', 'python3.9',
  'ruby2.5', 'ruby2.7', 'java8', 'go1.x', 'provided',
  'dotnetcore1.0', 'dotnetcore2.0', 'dotnetcore2.1', 'dotnetcore3.1', 'dotnet5.0', 'dotnet6', 'dotnet7',
];

export default defineCheck({
  id: 'aws-lambda-function-runtime-supported',
  title: 'Lambda functions run on a runtime AWS still patches',
  provider: 'aws',
  service: 'lambda',
  resourceType: 'aws.lambda.function',
  duty: 'patching',
  severity: 'medium',
  rationale: 'Once AWS deprecates a runtime it stops applying security patches to it, and later blocks updates to the functions using it. The runtimes treated as deprecated are params.deprecatedRuntimes.',
  remediation: {
    text: 'Move the function to a supported runtime version and test it.',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
  },
  defaults: { deprecatedRuntimes: DEPRECATED_RUNTIMES },
  assess(fn, ctx) {
    const { runtime, packageType } = fn.data;
    if (runtime === null) return ctx.notApplicable('A container image function: its base image carries the runtime', { runtime, packageType });
    return ctx.params.deprecatedRuntimes.includes(runtime)
      ? ctx.fail(`Runtime ${runtime} is deprecated`, { runtime })
      : ctx.pass(`Runtime ${runtime} is supported`, { runtime });
  },
});
