/** A mistake in a file the user gave us: says where (file, key path, line) and what was expected. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly line: number | undefined,
    readonly expected: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${path ? `${path}: ` : ''}${expected}`);
    this.name = 'ConfigError';
  }
}

/** Several config mistakes reported at once, so a user fixes them in one round. */
export class ConfigErrors extends Error {
  constructor(readonly errors: readonly ConfigError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'ConfigErrors';
  }
}

/** Characters a config key or check id is made of; anything else ends the quoted prefix. */
const KEY_CHARACTERS = /^[A-Za-z0-9_.-]{0,64}/;

/**
 * A key from the user's file as an error quotes it: its leading key characters, at most 64 (every
 * check id fits), and "…" when that is not the whole key. A file that is not a config at all (a
 * shadow or htpasswd file passed as --config) thus never has its lines echoed into logs.
 */
export function quoteKey(key: string): string {
  const prefix = KEY_CHARACTERS.exec(key)![0];
  return prefix === key ? key : `${prefix}…`;
}
