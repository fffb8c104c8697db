import type { ScanProgress } from '../engine/scan.js';

/** A single live line on a TTY's stderr; nothing at all when stderr is not a terminal. */
export class ProgressLine {
  private last = 0;
  private shown = false;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  update(p: ScanProgress): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && p.scopesDone < p.scopesPlanned) return;
    this.last = now;
    this.shown = true;
    const text = `scanning: ${p.scopesDone}/${p.scopesPlanned} accounts · ${p.apiCalls.toLocaleString('en')} API calls · ${p.findings.toLocaleString('en')} results (${p.failing.toLocaleString('en')} failing)`;
    this.stream.write(`\r\u001b[2K${text.slice(0, (this.stream.columns ?? 120) - 1)}`);
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}
