import type { ScanProgress } from '../engine/scan.js';

/** Redraw at least this often, so a hanging call still shows the clock moving. */
const TICK_MS = 1000;

/** A single live line on a TTY's stderr; nothing at all when stderr is not a terminal. */
export class ProgressLine {
  private last = 0;
  private shown = false;
  private latest: ScanProgress | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly started = Date.now();

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  update(p: ScanProgress): void {
    if (!this.enabled) return;
    this.latest = p;
    this.timer ??= setInterval(() => this.draw(), TICK_MS).unref();
    const now = Date.now();
    // Every change but the last is worth at most one redraw per 100 ms; the tick shows the rest.
    if (now - this.last < 100 && (p.scopesDone < p.scopesPlanned || p.waitingFor)) return;
    this.draw();
  }

  private draw(): void {
    const p = this.latest;
    if (!p) return;
    this.last = Date.now();
    this.shown = true;
    const seconds = `${Math.floor((this.last - this.started) / 1000)} s`;
    const calls = `${p.apiCalls.toLocaleString('en')} API calls`;
    // While accounts are still being found, say what the scan is waiting for.
    const text = p.waitingFor
      ? `${p.waitingFor} · ${calls} · ${seconds}`
      : `scanning: ${p.scopesDone}/${p.scopesPlanned} accounts · ${calls} · ${p.findings.toLocaleString('en')} results (${p.failing.toLocaleString('en')} failing) · ${seconds}`;
    this.stream.write(`\r\u001b[2K${text.slice(0, (this.stream.columns ?? 120) - 1)}`);
  }

  clear(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}
