import { closeSync, createWriteStream, fchmodSync, fstatSync, mkdirSync, openSync, type WriteStream } from 'node:fs';

/**
 * Files that hold findings (reports, saved inventories, the history store, sink spools) are the
 * owner's alone: they map what is misconfigured where. Explicit modes make that so whatever the
 * umask; a file that already existed with wider permissions is narrowed when it is opened.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the directory and its missing parents owner-only. One that exists is left as it is: it may be the user's own. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Narrows an open file to 0600: only a regular file of ours (never a device such as /dev/stdout, never someone else's). */
function narrow(fd: number): void {
  const stat = fstatSync(fd);
  if (stat.isFile() && stat.uid === (process.geteuid?.() ?? stat.uid) && (stat.mode & 0o777) !== PRIVATE_FILE_MODE) fchmodSync(fd, PRIVATE_FILE_MODE);
}

/** Opens (creating it owner-only) a file to write; `a` appends, `wx` refuses an existing file. */
export function openPrivateFile(path: string, flags: 'w' | 'a' | 'wx' = 'w'): number {
  const fd = openSync(path, flags, PRIVATE_FILE_MODE);
  try {
    narrow(fd);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return fd;
}

/** Creates the file owner-only if it is missing, narrows it if it exists; writes nothing. */
export function makePrivateFile(path: string): void {
  closeSync(openPrivateFile(path, 'a'));
}

export function privateWriteStream(path: string): WriteStream {
  return createWriteStream(path, { fd: openPrivateFile(path) });
}
