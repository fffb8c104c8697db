import { mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Finding } from '../core/finding.js';
import type { ScanSummary } from '../core/summary.js';
import type { Formatter } from './types.js';
import { privateWriteStream } from '../util/private-files.js';

async function write(stream: Writable, text: string): Promise<void> {
  if (text && !stream.write(text)) await once(stream, 'drain');
}

/**
 * Appends a file to a stream through one reused buffer. A piped read stream allocates a fresh
 * chunk per read that lives until the next GC: copying a 24 MB spool that way raised the scan's
 * peak RSS by as much, at its very end.
 */
async function copyInto(stream: Writable, path: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(COPY_BUFFER_BYTES);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      // The buffer is reused only once the stream has taken this chunk out of it.
      await new Promise<void>((resolve, reject) => stream.write(buffer.subarray(0, bytesRead), (e) => (e ? reject(e) : resolve())));
    }
  } finally {
    await file.close();
  }
}

const COPY_BUFFER_BYTES = 1 << 20;

/**
 * Streams findings through a formatter to a file or stdout, with backpressure. Formats with a
 * summary header spool their body to a temporary file until the summary is known.
 *
 * Findings arrive from many producers at once (accounts, collection tasks). Each finding is
 * formatted and handed to the stream in the same synchronous step, so the stream's own buffer is
 * the one queue: the index a formatter sees is its place in the file, and no text can interleave.
 * While that buffer is full every producer waits on the same `drain`.
 */
export class OutputWriter {
  private index = 0;
  private readonly spoolDir?: string;
  private readonly body: Writable;
  private room: Promise<void> | undefined;

  constructor(
    readonly format: Formatter,
    private readonly out: Writable,
    readonly path?: string,
  ) {
    if (format.header) {
      this.spoolDir = mkdtempSync(join(tmpdir(), 'dutyscan-'));
      this.body = privateWriteStream(join(this.spoolDir, 'body'));
    } else {
      this.body = out;
    }
  }

  static toFile(format: Formatter, path: string): OutputWriter {
    return new OutputWriter(format, privateWriteStream(path), path);
  }

  async begin(): Promise<void> {
    if (this.format.begin) await write(this.body, this.format.begin());
  }

  async write(finding: Finding): Promise<void> {
    const text = this.format.finding?.(finding, this.index++);
    if (text && !this.body.write(text)) this.room ??= once(this.body, 'drain').then(() => { this.room = undefined; });
    await this.room;
  }

  async close(summary: ScanSummary): Promise<void> {
    if (this.spoolDir) {
      const body = this.body as WriteStream;
      body.end();
      await once(body, 'close');
      await write(this.out, this.format.header!(summary));
      await copyInto(this.out, join(this.spoolDir, 'body'));
      rmSync(this.spoolDir, { recursive: true, force: true });
    }
    await write(this.out, this.format.end(summary));
    if (this.out !== process.stdout) {
      this.out.end();
      await once(this.out, 'close');
    }
  }
}
