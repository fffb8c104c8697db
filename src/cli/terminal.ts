/** How the terminal view is shaped: its width and whether it is coloured. */
type Env = Readonly<Record<string, string | undefined>>;
type Stream = { readonly isTTY?: boolean; readonly columns?: number };

/**
 * The terminal's columns; `COLUMNS` when the terminal does not say; no limit when the output is
 * not a terminal (a file or a pipe keeps every character) unless `COLUMNS` asks for one.
 */
export function terminalWidth(stream: Stream = process.stdout, env: Env = process.env): number {
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : Number.POSITIVE_INFINITY;
}

/** Colour on a terminal unless NO_COLOR is set (no-color.org); FORCE_COLOR forces it either way. */
export function useColor(stream: Stream = process.stdout, env: Env = process.env): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}
