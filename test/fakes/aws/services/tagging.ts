import { FakeAwsError, page, type HandlerContext } from '../handlers.js';

/** Resource Groups Tagging API (JSON 1.1, signing name `tagging`): every tagged resource of a region, paged. */
export const TAGGING = {
  GetResources: ({ account, region, json }: HandlerContext) => {
    const p = page(account.tagged?.[region] ?? [], json.PaginationToken, json.ResourcesPerPage, 50);
    return { ResourceTagMappingList: p.items, PaginationToken: p.next ?? '' };
  },
};

/** Organizations: the effective tag policy the calling account asks for itself. */
export const ORGANIZATIONS_POLICIES = {
  DescribeEffectivePolicy: ({ account, json }: HandlerContext) => {
    if (json.PolicyType !== 'TAG_POLICY') throw new FakeAwsError('InvalidInputException', 400, `unsupported policy type ${String(json.PolicyType)}`);
    if (account.tagPolicy === undefined) throw new FakeAwsError('EffectivePolicyNotFoundException', 400, 'no effective policy of this type');
    return { EffectivePolicy: { PolicyContent: account.tagPolicy, PolicyType: 'TAG_POLICY', TargetId: account.id, LastUpdatedTimestamp: 1_700_000_000 } };
  },
};
