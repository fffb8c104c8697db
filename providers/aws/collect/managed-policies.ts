import type { PolicyDocument } from '../model/index.js';

/**
 * AWS managed policy documents, shared by every account of one scan. AWS publishes each managed
 * policy once for all accounts, and a version (`arn` + `versionId`) never changes once published,
 * so the first account that reads a document reads it for all the others. Reads still in flight
 * are shared too. A failed read is not kept: it was that account's answer (its denial, its
 * throttling), and the next account reads for itself.
 */
export class AwsManagedPolicyDocuments {
  private readonly documents = new Map<string, Promise<PolicyDocument>>();

  /** `capacity` documents at most, the oldest dropped first (AWS publishes about 1,400 policies). */
  constructor(private readonly capacity = 2_000) {}

  document(arn: string, versionId: string, read: () => Promise<PolicyDocument>): Promise<PolicyDocument> {
    const key = `${arn}\n${versionId}`;
    const known = this.documents.get(key);
    if (known) return known.catch(read);
    const reading = read();
    this.documents.set(key, reading);
    void reading.catch(() => {
      if (this.documents.get(key) === reading) this.documents.delete(key);
    });
    if (this.documents.size > this.capacity) this.documents.delete(this.documents.keys().next().value!);
    return reading;
  }
}
