import { defineScopeCheck } from '../../../src/core/check.js';

export default defineScopeCheck({
  id: 'aws-config-recorder-enabled',
  title: 'AWS Config records every supported resource type in every scanned region',
  provider: 'aws',
  service: 'config',
  resourceType: 'aws.config.recorder',
  duty: 'logging',
  severity: 'medium',
  rationale:
    'The Config recorder keeps the history of every resource\'s configuration: what a security group allowed last Tuesday, who changed a bucket policy and when. Audits and investigations rely on it, and it is regional. A recorder that is stopped, or that records only chosen types, leaves gaps no later scan can fill.',
  remediation: {
    text: 'Create or fix the region\'s configuration recorder to record all supported resource types (including global ones in one region), give it a delivery channel, and start it.',
    cli: 'aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=ROLE_ARN --recording-group allSupported=true,includeGlobalResourceTypes=true --region REGION && aws configservice start-configuration-recorder --configuration-recorder-name default --region REGION',
  },
  assessScope(recorders, ctx) {
    const summary = recorders.map((r) => {
      const status = r.data.status.ok ? r.data.status.value : undefined;
      return {
        name: r.data.name,
        allSupported: r.data.recordingGroup.allSupported,
        includeGlobalResourceTypes: r.data.recordingGroup.includeGlobalResourceTypes,
        recording: status === undefined ? null : status?.recording ?? false,
        lastStatus: status?.lastStatus ?? null,
        servicePrincipal: r.data.servicePrincipal,
      };
    });
    const good = summary.find((r) => r.allSupported && r.recording === true);
    if (good) return ctx.pass(`Recorder ${good.name} records all supported resource types`, { recorders: summary });
    // A recorder of all types whose status is unknown may be recording: the verdict is unknown.
    const unknown = recorders.find((r) => r.data.recordingGroup.allSupported && !r.data.status.ok);
    if (unknown) ctx.known(unknown.data.status);
    let message = 'No configuration recorder in this region';
    if (summary.some((r) => r.allSupported)) message = 'The recorder of all resource types is not recording';
    else if (summary.length > 0) message = 'No recorder here records all supported resource types';
    return ctx.fail(message, { recorders: summary });
  },
});
