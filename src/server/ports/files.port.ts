/**
 * Binary files (certificate photos, masked copies, PDFs). Locally: files on disk behind the
 * runtime with signed, expiring URLs. In production: cloud storage through wx-server-sdk.
 * A file is named by the `ref` that `put` returns (a cloud fileID in production).
 */
export interface FileStore {
  put(path: string, content: Uint8Array, contentType: string): Promise<string>;
  /** `null` when no such file exists. */
  get(ref: string): Promise<Uint8Array | null>;
  /** A short-lived URL to read the file; `ttlSeconds` at most 3600. */
  url(ref: string, ttlSeconds: number): Promise<string | null>;
  delete(ref: string): Promise<void>;
  /**
   * The ref of the file at `path`, whether or not it exists: how a file someone else stored there
   * (a phone's upload to its cloudPath) is named for reading or removing it.
   */
  refOf(path: string): Promise<string>;
}
