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
