import { GetAccountSummaryCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { BASE_CREDENTIALS, FakeAws } from '../../fakes/aws/server.js';
import { emptyAccount } from '../../fakes/aws/state.js';

describe('the AWS fake', () => {
  it('fails the test on a request it has no route for', async () => {
    const account = emptyAccount('111111111111');
    const fake = await FakeAws.start({ callerAccount: account.id, accounts: new Map([[account.id, account]]) });
    const iam = new IAMClient({ region: 'us-east-1', endpoint: fake.url, credentials: BASE_CREDENTIALS, maxAttempts: 1 });
    await expect(iam.send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'FakeNoRoute' });
    await expect(fake.close()).rejects.toThrow(/no route for:\s+iam ListUsers/);
    iam.destroy();
  });

  it('rejects credentials it did not issue', async () => {
    const account = emptyAccount('111111111111');
    const fake = await FakeAws.start({ callerAccount: account.id, accounts: new Map([[account.id, account]]) });
    const iam = new IAMClient({ region: 'us-east-1', endpoint: fake.url, credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' }, maxAttempts: 1 });
    await expect(iam.send(new GetAccountSummaryCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } });
    await fake.close();
    iam.destroy();
  });
});
