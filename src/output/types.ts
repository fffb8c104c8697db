import type { Finding } from '../core/finding.js';
import type { ScanSummary } from '../core/summary.js';

/**
 * A format over the finding stream, independent of where it is delivered. Streaming formats
 * (jsonl, csv, ocsf-jsonl) write as findings arrive; document formats (html, contract report)
 * may buffer what they need and write at `end`.
 */
export interface Formatter {
  readonly id: string;
  readonly extension: string;
  readonly mediaType: string;
  /** The policy of a document that carries it in a meta tag, for servers to send as a header too. */
  readonly contentSecurityPolicy?: string;
  /** Text written before the first finding. */
  begin?(): string;
  /**
   * Text that must precede the findings but needs the summary (a JSON document with `scan`
   * first). The writer spools the findings and writes this in front of them when it closes.
   */
  header?(summary: ScanSummary): string;
  /** Text for one finding; `index` counts from 0 (for separators). */
  finding?(finding: Finding, index: number): string;
  /** Text written after the last finding, with the summary. */
  end(summary: ScanSummary): string;
}
