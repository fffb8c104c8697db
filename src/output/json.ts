import type { Formatter } from './types.js';

/**
 * `{ "scan": {...}, "findings": [...] }`. The summary is only known at the end, so the writer
 * spools the findings and puts the header (with the summary) in front when it closes.
 */
export const json: Formatter = {
  id: 'json',
  extension: 'json',
  mediaType: 'application/json',
  header: (summary) => `{"scan":${JSON.stringify(summary, null, 2)},\n"findings":[`,
  finding: (f, i) => `${i === 0 ? '' : ','}\n${JSON.stringify(f)}`,
  end: () => '\n]}\n',
};

/** One finding per line; the summary is not part of the stream (it goes to the terminal or the json file). */
export const jsonl: Formatter = {
  id: 'jsonl',
  extension: 'jsonl',
  mediaType: 'application/x-ndjson',
  finding: (f) => `${JSON.stringify(f)}\n`,
  end: () => '',
};
