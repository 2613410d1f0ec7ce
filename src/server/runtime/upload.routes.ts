import { FilePathTaken } from '../adapters/local/disk.files';
import { isSafeFilePath } from '../ports/file.guards';
import { contentMatchesType, UPLOAD_TYPES } from '../file-content';
import { people } from '../people.repo';
import { callerOf } from './api.routes';
import { readBodyWithin, sendError, sendErrorAndClose, sendJson } from './http';
import type { RouteFamily } from './runtime.context';
import { findPendingUpload, uploadPathOf } from '../uploads/pending-uploads';
import { createHash } from 'node:crypto';

const UPLOAD_LIMIT = 10 * 1024 * 1024;
const PATH_RULE = '文件路径不正确：只能使用字母、数字、下划线、连字符和点，用“/”分段，每段以字母、数字或下划线开头、不超过 128 个字符。';

/**
 * `POST /upload?path=<name>` with the file as the body, as `wx.cloud.uploadFile` stores it in
 * production. Each person's files go under their own folder, as the storage rules would scope them,
 * and only a file announced first (`applications.beginUpload`: the quota) with the bytes announced.
 * The path is checked by the file store's own guard, so what passes here is stored; the bytes must
 * be what the declared type says.
 */
export const uploadRoutes: RouteFamily = async (request, response, ctx) => {
  if (request.path !== '/upload') return false;
  if (request.raw.method !== 'POST') {
    sendError(response, 'REQUEST.METHOD_NOT_ALLOWED');
    return true;
  }
  const { openid } = callerOf(request, ctx);
  const person = openid ? await people.byOpenid(ctx.deps.store, openid) : null;
  if (!person) {
    sendErrorAndClose(request.raw, response, 'AUTH.NOT_SIGNED_IN');
    return true;
  }
  const contentType = (request.raw.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!UPLOAD_TYPES.has(contentType)) {
    sendErrorAndClose(request.raw, response, 'FILE.BAD_TYPE');
    return true;
  }
  const name = request.query.get('path') ?? '';
  const storedPath = uploadPathOf(person._id, name);
  if (!isSafeFilePath(storedPath) || !name) {
    sendErrorAndClose(request.raw, response, 'REQUEST.INVALID_PAYLOAD', [PATH_RULE]);
    return true;
  }
  // Only an announced file (applications.beginUpload, which checks the quota), as many bytes as announced.
  const announced = await findPendingUpload(ctx.deps.store, person._id, name);
  if (!announced) {
    sendErrorAndClose(request.raw, response, 'FILE.NOT_RESERVED');
    return true;
  }
  const content = await readBodyWithin(request.raw, response, Math.min(UPLOAD_LIMIT, announced.bytes), 'FILE.TOO_LARGE');
  if (!content) return true;
  if (content.length === 0) {
    sendError(response, 'REQUEST.INVALID_PAYLOAD', ['文件是空的，请重新选择']);
    return true;
  }
  if (!contentMatchesType(content, contentType)) {
    sendError(response, 'FILE.CONTENT_MISMATCH');
    return true;
  }
  if (createHash('sha256').update(content).digest('hex') !== announced.sha256) {
    sendError(response, 'FILE.CONTENT_MISMATCH', ['上传的内容和登记的不一样，可能没有传完整。请重新上传。']);
    return true;
  }
  try {
    const ref = await ctx.deps.files.put(storedPath, content, contentType);
    sendJson(response, 200, { ok: true, data: { ref } });
  } catch (caught) {
    if (!(caught instanceof FilePathTaken)) throw caught;
    sendError(response, 'REQUEST.INVALID_PAYLOAD', ['已有同名的文件或文件夹，请换一个文件名后重新上传']);
  }
  return true;
};
