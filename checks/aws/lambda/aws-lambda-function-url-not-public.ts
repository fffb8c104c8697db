import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-lambda-function-url-not-public',
  title: 'Lambda function URLs require IAM authentication',
  provider: 'aws',
  service: 'lambda',
  resourceType: 'aws.lambda.function',
  duty: 'network-exposure',
  severity: 'high',
  rationale: 'A function URL with AuthType NONE is an HTTPS endpoint anyone on the internet can call, running the function with its role\'s permissions; only the function\'s own code stands in the way.',
  remediation: {
    text: 'Set the URL\'s AuthType to AWS_IAM (callers sign requests), or put the function behind API Gateway or CloudFront with authentication, and delete the URL.',
    cli: 'aws lambda update-function-url-config --function-name FUNCTION --auth-type AWS_IAM',
  },
  assess(fn, ctx) {
    const urls = ctx.known(fn.data.urls);
    if (urls.length === 0) return ctx.notApplicable('The function has no URL', { urls: [] });
    const open = urls.filter((u) => u.authType === 'NONE');
    return open.length === 0
      ? ctx.pass('Every function URL requires IAM authentication', { urls })
      : ctx.fail(`Function URL open to anyone: ${open.map((u) => u.functionUrl).join(', ')}`, { urls });
  },
});
