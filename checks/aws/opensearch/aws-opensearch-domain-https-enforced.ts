import { defineCheck } from '../../../src/core/check.js';

/** TLS security policies that accept TLS 1.0 or 1.1. */
const OLD_TLS = ['Policy-Min-TLS-1-0-2019-07'];

export default defineCheck({
  id: 'aws-opensearch-domain-https-enforced',
  title: 'OpenSearch domains accept HTTPS only, with TLS 1.2 or later',
  provider: 'aws',
  service: 'opensearch',
  resourceType: 'aws.opensearch.domain',
  duty: 'encryption-in-transit',
  severity: 'high',
  rationale: 'A domain that accepts plain HTTP lets credentials, queries and documents cross the network in clear text; a policy accepting TLS 1.0 keeps protocols with known weaknesses in play.',
  remediation: {
    text: 'Require HTTPS on the domain endpoint and choose a TLS 1.2 (or 1.3) security policy.',
    cli: 'aws opensearch update-domain-config --domain-name DOMAIN --domain-endpoint-options EnforceHTTPS=true,TLSSecurityPolicy=Policy-Min-TLS-1-2-PFS-2023-10',
  },
  assess(domain, ctx) {
    const { enforceHttps, tlsSecurityPolicy, deleted } = domain.data;
    if (deleted) return ctx.notApplicable('The domain is being deleted', { deleted });
    const evidence = { enforceHttps, tlsSecurityPolicy };
    if (!enforceHttps) return ctx.fail('Plain HTTP is accepted', evidence);
    return tlsSecurityPolicy !== null && OLD_TLS.includes(tlsSecurityPolicy)
      ? ctx.fail(`HTTPS is required, but ${tlsSecurityPolicy} still accepts TLS 1.0 and 1.1`, evidence)
      : ctx.pass('HTTPS is required with TLS 1.2 or later', evidence);
  },
});
