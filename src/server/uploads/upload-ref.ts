import { isSafeFilePath } from '../ports/file.guards';

/**
 * A file a person uploaded, named by its storage ref: `local/uploads/<person>/<name>` in the local
 * runtime, `cloud://<env>.<bucket>/uploads/<person>/<name>` in cloud storage (the fileID
 * `wx.cloud.uploadFile` answers). Refs come from the phone, so they are parsed, never searched: the
 * owner is the folder right under `uploads/`, the name a file with an extension (a folder is never
 * a file), and no segment may climb (`..`) or hide (`.x`).
 */
export interface UploadRef {
  readonly ref: string;
  /** The person whose folder holds it. */
  readonly owner: string;
  readonly name: string;
}

const CLOUD_PREFIX = /^cloud:\/\/[A-Za-z0-9][A-Za-z0-9.-]{0,127}\//;
const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*\.[A-Za-z0-9]{1,8}$/;

/** The ref's parts, or null for anything that is not one person's uploaded file. */
export function parseUploadRef(ref: string): UploadRef | null {
  const cloud = CLOUD_PREFIX.exec(ref);
  const path = ref.startsWith('local/') ? ref.slice('local/'.length) : cloud ? ref.slice(cloud[0].length) : null;
  if (path === null || !isSafeFilePath(path)) return null;
  const [folder, owner, name, ...rest] = path.split('/');
  if (folder !== 'uploads' || !owner || !name || rest.length > 0 || !FILE_NAME.test(name)) return null;
  return { ref, owner, name };
}

/** What a person is told of a ref that is not an uploaded file. */
export const BAD_REF_DETAIL = '文件编号不正确：请重新拍照或选择文件上传。';
