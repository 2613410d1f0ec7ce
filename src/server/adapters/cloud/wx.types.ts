/**
 * The slice of wx-server-sdk (4.0.2) the cloud adapters and entry points call, typed structurally
 * so the adapters never import the SDK: production passes `require('wx-server-sdk')`, tests pass
 * the in-memory fake (test/fakes/wx-server-sdk.fake.ts). test/server/wx-sdk-shape.test.ts checks
 * the real module still has every function named here.
 *
 * Platform facts the adapters rely on (from the SDK source and WeChat's docs):
 * - `doc(id).get()` rejects when the document is missing unless the database was opened with
 *   `{ throwOnNotFound: false }`, in which case it resolves `{ data: null }`.
 * - `get()` returns at most 100 documents by default and at most 1000 with `limit()`.
 * - `doc(id).set()` creates or replaces and refuses `_id` in `data`; `add()` fails on an existing `_id`.
 * - `update({ data })` merges nested objects unless a field is wrapped in `command.set(value)`.
 * - Transactions allow only document-level operations; `runTransaction` rejects with the reason
 *   passed to `tx.rollback(reason)`, and re-runs the callback on a write conflict.
 */

/** Opaque values built by `db.command`; only the SDK (or the fake) looks inside them. */
export type WxQueryCommand = object;
export type WxLogicCommand = object;
export type WxUpdateCommand = object;

/** A `where()` argument: `{ field: value | command }` (dotted keys address nested fields) or `_.and([...])`. */
export type WxCondition = Readonly<Record<string, unknown>> | WxLogicCommand;

export interface WxCommand {
  eq(value: unknown): WxQueryCommand;
  in(values: readonly unknown[]): WxQueryCommand;
  gt(value: unknown): WxQueryCommand;
  gte(value: unknown): WxQueryCommand;
  lt(value: unknown): WxQueryCommand;
  lte(value: unknown): WxQueryCommand;
  and(expressions: readonly WxCondition[]): WxLogicCommand;
  /** In update data: replace the field as a whole instead of merging into it. */
  set(value: unknown): WxUpdateCommand;
  /** In update data: delete the field. */
  remove(): WxUpdateCommand;
}

/** A stored document as the SDK returns it. */
export type WxDocData = Record<string, unknown> & { _id: string };

export interface WxDocumentRef {
  /** `data` is `null` for a missing document when the database has `throwOnNotFound: false`. */
  get(): Promise<{ data: WxDocData | null }>;
  set(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number; created: number } }>;
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface WxQuery {
  where(condition: WxCondition): WxQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): WxQuery;
  skip(offset: number): WxQuery;
  limit(max: number): WxQuery;
  get(): Promise<{ data: WxDocData[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface WxCollection extends WxQuery {
  doc(id: string): WxDocumentRef;
  /** `_id` in `data` names the new document; an existing `_id` makes the call reject. */
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>;
}

export interface WxTransaction {
  collection(name: string): { doc(id: string): WxDocumentRef };
  rollback(reason: unknown): Promise<unknown>;
}

export interface WxDatabase {
  readonly command: WxCommand;
  collection(name: string): WxCollection;
  runTransaction<T>(callback: (tx: WxTransaction) => Promise<T>, retries?: number): Promise<T>;
}

export interface WxDatabaseOptions {
  readonly env?: string;
  readonly throwOnNotFound?: boolean;
}

export interface WxTempFileURL {
  fileID: string;
  tempFileURL: string;
  /** 0 when the URL was issued; a platform code (e.g. -503003, file missing) otherwise. */
  status: number;
  errMsg: string;
}

export interface WxDeleteFileResult {
  fileID: string;
  status: number;
  errMsg: string;
}

/** `openapi.subscribeMessage.send` parameters, camel-cased as the SDK expects them. */
export interface WxSubscribeMessageParams {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: 'formal' | 'trial' | 'developer';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
}

/** `openapi.wxacode.getUnlimited` parameters, camel-cased as the SDK expects them. */
export interface WxGetUnlimitedParams {
  scene: string;
  page: string;
  checkPath: boolean;
  envVersion: 'release' | 'trial' | 'develop';
  width?: number;
}

/** The identity of the caller; empty outside a cloud-function invocation (and for timer triggers). */
export interface WxContext {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
}

export interface WxCloud {
  init(options?: { env?: string | symbol; throwOnNotFound?: boolean }): void;
  /** Pass to `init({ env })` to use the environment the function runs in. */
  readonly DYNAMIC_CURRENT_ENV: symbol;
  database(options?: WxDatabaseOptions): WxDatabase;
  uploadFile(params: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  downloadFile(params: { fileID: string }): Promise<{ fileContent: Buffer }>;
  /** At most 50 files a call; `maxAge` in seconds. */
  getTempFileURL(params: {
    fileList: readonly { fileID: string; maxAge: number }[];
  }): Promise<{ fileList: WxTempFileURL[] }>;
  deleteFile(params: { fileList: readonly string[] }): Promise<{ fileList: WxDeleteFileResult[] }>;
  readonly openapi: {
    readonly wxacode: {
      /** Rejects on a WeChat error like `send`; the image comes back as `buffer`. */
      getUnlimited(params: WxGetUnlimitedParams): Promise<{ errCode?: number; errMsg?: string; contentType?: string; buffer?: Buffer }>;
    };
    readonly subscribeMessage: {
      /** 4.0.2 rejects with an error carrying `errCode`/`errMsg`; a resolved non-zero `errCode` is also handled. */
      send(params: WxSubscribeMessageParams): Promise<{ errCode?: number; errMsg?: string }>;
    };
    readonly ocr: {
      /** 通用印刷体识别 (an image under 2 MB); positions in pixels, keys camel-cased by the SDK. */
      printedText(params: { type: 'photo' | 'scan'; img: { contentType: string; value: Buffer } }): Promise<WxPrintedText>;
    };
  };
  getWXContext(): WxContext;
}

export interface WxPoint {
  readonly x: number;
  readonly y: number;
}

/** `openapi.ocr.printedText`'s answer: each line's text and its four corners, and the image's size. */
export interface WxPrintedText {
  readonly errCode?: number;
  readonly errMsg?: string;
  readonly items?: readonly { readonly text: string; readonly pos: { readonly leftTop: WxPoint; readonly rightTop: WxPoint; readonly rightBottom: WxPoint; readonly leftBottom: WxPoint } }[];
  readonly imgSize?: { readonly w: number; readonly h: number };
}
