import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signs the page cursors the API hands out (HMAC-SHA256), so that a client can only pass back
 * one the server issued, never a hand-made one that steers the store's queries. With the default
 * per-process key, cursors lapse when the service restarts; replicas behind one load balancer
 * share a configured key.
 */
export class CursorSigner {
  private readonly key: Buffer;

  constructor(key?: string) {
    this.key = key === undefined ? randomBytes(32) : Buffer.from(key, 'utf8');
  }

  private mac(cursor: string): Buffer {
    return createHmac('sha256', this.key).update(cursor, 'utf8').digest();
  }

  /** `<cursor>.<signature>`: the store's cursors are base64url, which has no dot. */
  sign(cursor: string): string {
    return `${cursor}.${this.mac(cursor).toString('base64url')}`;
  }

  /** The cursor inside `signed`, or undefined when this server did not issue it. */
  open(signed: string): string | undefined {
    const dot = signed.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const cursor = signed.slice(0, dot);
    const given = Buffer.from(signed.slice(dot + 1), 'base64url');
    const expected = this.mac(cursor);
    return given.length === expected.length && timingSafeEqual(given, expected) ? cursor : undefined;
  }
}
