/**
 * File paths both file stores accept, so a name that works locally also works in cloud storage
 * and can never climb out of the local root: relative, `/`-separated segments of letters, digits,
 * `_`, `-` and `.`, each starting with a letter, digit or `_` (which rules out `.` and `..`).
 */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const MAX_PATH_LENGTH = 512;

/** Whether `path` is a safe relative file path (see above). */
export function isSafeFilePath(path: string): boolean {
  return path.length > 0 && path.length <= MAX_PATH_LENGTH && path.split('/').every((segment) => SEGMENT.test(segment));
}

/** Throws unless `path` is a safe relative file path; an unsafe one is a programming bug. */
export function assertFilePath(path: string): void {
  if (!isSafeFilePath(path)) throw new Error(`Invalid file path: ${JSON.stringify(path)}`);
}
