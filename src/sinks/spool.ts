import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir, openPrivateFile } from '../util/private-files.js';

/** One undelivered batch on disk. */
export interface SpooledBatch {
  readonly version: 1;
  readonly sink: string;
  readonly id: string;
  readonly createdAt: string;
  readonly records: readonly unknown[];
}

export class SpoolFullError extends Error {
  constructor(dir: string, needed: number, limit: number) {
    super(`spool ${dir} is full: ${needed} bytes needed, limit ${limit}`);
    this.name = 'SpoolFullError';
  }
}

/**
 * A directory of batch files for one sink. Each batch is written to a temporary name, fsync'd,
 * renamed into place and the directory fsync'd, so a crash leaves either the whole batch or
 * nothing; readers ignore the temporary names. The total size is bounded.
 */
export class Spool {
  readonly dir: string;
  private bytes: number | undefined;

  constructor(root: string, readonly sink: string, readonly maxBytes: number) {
    this.dir = join(root, sink);
  }

  private ensureDir(): void {
    makePrivateDir(this.dir);
  }

  /** Batch files, oldest first (names start with the creation time). */
  list(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names.filter((n) => n.endsWith('.batch.json')).sort().map((n) => join(this.dir, n));
  }

  size(): number {
    if (this.bytes === undefined) {
      this.bytes = this.list().reduce((sum, file) => {
        try { return sum + statSync(file).size; } catch { return sum; }
      }, 0);
    }
    return this.bytes;
  }

  /** Spools a batch under its id, which its replays keep (the webhook's idempotency key). */
  write(records: readonly unknown[], id: string = randomUUID()): string {
    this.ensureDir();
    const batch: SpooledBatch = { version: 1, sink: this.sink, id, createdAt: new Date().toISOString(), records };
    const data = Buffer.from(JSON.stringify(batch));
    if (this.size() + data.length > this.maxBytes) throw new SpoolFullError(this.dir, this.size() + data.length, this.maxBytes);
    const stamp = batch.createdAt.replace(/[:.]/g, '-');
    const final = join(this.dir, `${stamp}-${batch.id}.batch.json`);
    const temp = join(this.dir, `.${batch.id}.tmp`);
    const fd = openPrivateFile(temp, 'wx');
    try {
      let offset = 0;
      while (offset < data.length) offset += writeSync(fd, data, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, final);
    const dirFd = openSync(this.dir, 'r');
    try { fsyncSync(dirFd); } finally { closeSync(dirFd); }
    this.bytes = this.size() + data.length;
    return final;
  }

  read(file: string): SpooledBatch {
    const batch = JSON.parse(readFileSync(file, 'utf8')) as SpooledBatch;
    if (batch.version !== 1 || !Array.isArray(batch.records)) throw new Error(`${file}: not a dutyscan spool batch`);
    return batch;
  }

  remove(file: string): void {
    let size = 0;
    try { size = statSync(file).size; } catch { /* already gone */ }
    try {
      unlinkSync(file);
      if (this.bytes !== undefined) this.bytes -= size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
