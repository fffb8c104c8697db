/**
 * Aligned text columns for the terminal. Ids stay whole; when the rows are wider than the
 * terminal, only the column marked `flex` gives way, shortened in the middle so both ends of a
 * long name stay readable.
 */
export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string;
  readonly align?: 'left' | 'right';
  /** The one column that shrinks to fit the width. */
  readonly flex?: boolean;
  /** Styles the cell after it is measured and padded (colour escapes take no columns). */
  readonly paint?: (cell: string, row: Row) => string;
}

const GAP = '  ';

/** `abcdefghij` in 7 columns: `abc…hij`. */
export function shortenMiddle(text: string, width: number): string {
  if (text.length <= width) return text;
  if (width <= 1) return text.slice(0, width);
  const head = Math.ceil((width - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (width - 1 - head))}`;
}

export function renderColumns<Row>(columns: readonly Column<Row>[], rows: readonly Row[], width = Number.POSITIVE_INFINITY): string[] {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const flex = columns.findIndex((c) => c.flex);
  const total = widths.reduce((a, b) => a + b, 0) + GAP.length * (columns.length - 1);
  if (flex >= 0 && total > width) widths[flex] = Math.max(columns[flex]!.header.length, widths[flex]! - (total - width));
  const line = (values: readonly string[], row?: Row) =>
    values.map((v, i) => {
      const column = columns[i]!;
      const text = shortenMiddle(v, widths[i]!);
      const cell = i === values.length - 1 && column.align !== 'right' ? text : column.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
      return row !== undefined && column.paint ? column.paint(cell, row) : cell;
    }).join(GAP);
  return [line(columns.map((c) => c.header)), ...cells.map((values, r) => line(values, rows[r]))];
}

/** "1 check", "2 checks". */
export const count = (n: number, noun: string, plural = `${noun}s`): string => `${n} ${n === 1 ? noun : plural}`;
