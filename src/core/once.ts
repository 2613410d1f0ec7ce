/**
 * A value made on first use and kept: for what would otherwise be built at module scope on every
 * start although few uses need it (a cloud function's cold start builds only its own contracts).
 */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
