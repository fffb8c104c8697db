import pino, { type Logger } from 'pino';

/** Paths pino censors wherever they appear in a log line (one and two levels deep). */
const SECRET_KEYS = [
  'accessKeyId', 'secretAccessKey', 'sessionToken', 'SecretAccessKey', 'SessionToken', 'AccessKeyId',
  'clientSecret', 'client_secret', 'password', 'token', 'accessToken', 'access_token', 'refreshToken',
  'authorization', 'Authorization', 'credentials', 'private_key', 'privateKey', 'hmacSecret', 'secret',
];
const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `headers["${k.toLowerCase()}"]`, `*.headers["${k.toLowerCase()}"]`]);

/** Secret-shaped values inside free text (error messages quote requests sometimes). */
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/g, '$1[REDACTED]'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [REDACTED]'],
  [/(X-Amz-Security-Token=|X-Amz-Credential=|sig=|Signature=)[^&\s"]+/g, '$1[REDACTED]'],
];

export function scrub(text: string): string {
  return SECRET_PATTERNS.reduce((t, [re, by]) => t.replace(re, by), text);
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, depth + 1)]));
}

/** JSON logs on stderr: findings never go here, credentials never do. */
export function createLogger(level: string = process.env.DUTYSCAN_LOG_LEVEL ?? 'warn', destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      name: 'dutyscan',
      level,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      formatters: { log: (obj) => scrubDeep(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
