import type { FileStore } from '../../ports/files.port';
import { assertFilePath } from '../../ports/file.guards';
import type { WxCloud } from './wx.types';

/** The platform's status for a file that does not exist (TCB STORAGE_FILE_NONEXIST). */
const FILE_NOT_EXISTS = -503003;
const MAX_TTL_SECONDS = 3600;
/** A file the function writes once per instance to learn its storage's fileID prefix. */
const ROOT_PROBE = 'system/storage-root.txt';

/**
 * The production FileStore over cloud storage. A ref is the cloud `fileID` that `uploadFile`
 * returns. Cloud storage derives the content type from the path's extension, so `put` cannot
 * pass one on: callers name files with the right extension (`.jpg`, `.pdf`).
 */
export function cloudFiles(cloud: WxCloud): FileStore {
  const tempUrl = async (ref: string, ttlSeconds: number) => {
    const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID: ref, maxAge: ttlSeconds }] });
    const entry = fileList.find((item) => item.fileID === ref) ?? fileList[0];
    return entry && entry.status === 0 && entry.tempFileURL ? entry.tempFileURL : null;
  };

  // A fileID is `cloud://<env>.<bucket>/<cloudPath>`, and the bucket is not in the function's
  // context: it is read off the fileID of a file the function stores itself, once per instance.
  let root: Promise<string> | null = null;
  const rootOf = () => {
    root ??= cloud
      .uploadFile({ cloudPath: ROOT_PROBE, fileContent: Buffer.from('ok') })
      .then(({ fileID }) => {
        if (!fileID.endsWith(`/${ROOT_PROBE}`)) throw new Error(`unexpected fileID for ${ROOT_PROBE}: ${fileID}`);
        return fileID.slice(0, -ROOT_PROBE.length);
      })
      .catch((caught: unknown) => {
        root = null;
        throw caught;
      });
    return root;
  };

  return {
    async put(path: string, content: Uint8Array, _contentType: string): Promise<string> {
      assertFilePath(path);
      const { fileID } = await cloud.uploadFile({ cloudPath: path, fileContent: Buffer.from(content) });
      return fileID;
    },

    async get(ref: string): Promise<Uint8Array | null> {
      try {
        const { fileContent } = await cloud.downloadFile({ fileID: ref });
        return new Uint8Array(fileContent);
      } catch (caught) {
        // The SDK reports a missing file as a generic failure (errCode -1, message text only), so
        // ask storage whether the file exists rather than parse the message.
        if ((await tempUrl(ref, 60)) === null) return null;
        throw caught;
      }
    },

    async url(ref: string, ttlSeconds: number): Promise<string | null> {
      if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
        throw new RangeError(`ttlSeconds must be an integer from 1 to ${MAX_TTL_SECONDS}, got ${ttlSeconds}`);
      }
      return tempUrl(ref, ttlSeconds);
    },

    async refOf(path: string): Promise<string> {
      assertFilePath(path);
      return `${await rootOf()}${path}`;
    },

    async delete(ref: string): Promise<void> {
      const { fileList } = await cloud.deleteFile({ fileList: [ref] });
      // Deleting a file that is already gone is done, not a failure.
      const failed = fileList.find((item) => item.status !== 0 && item.status !== FILE_NOT_EXISTS);
      if (failed) throw new Error(`deleteFile failed for ${failed.fileID}: ${failed.status} ${failed.errMsg}`);
    },
  };
}
