import pino from 'pino';

/** The logger every provider test hands its adapter: silent, so a failing test's output is its own. */
export const silentLog = pino({ level: 'silent' });
