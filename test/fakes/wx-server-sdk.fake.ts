import type {
  WxCloud,
  WxCommand,
  WxCondition,
  WxContext,
  WxDatabase,
  WxDatabaseOptions,
  WxDeleteFileResult,
  WxDocData,
  WxDocumentRef,
  WxGetUnlimitedParams,
  WxQuery,
  WxSubscribeMessageParams,
  WxTempFileURL,
  WxTransaction,
  WxPrintedText,
} from '../../src/server/adapters/cloud/wx.types';

/**
 * An in-memory stand-in for the part of wx-server-sdk 4.0.2 that src/server/adapters/cloud uses
 * (the `WxCloud` interface). Behaviours marked "Platform:" are modelled on the real SDK's source
 * (node_modules/wx-server-sdk, @cloudbase/database) or WeChat's docs, so the adapters' tests fail
 * where production would. Every read and write copies, as a network round trip would.
 */

type Stored = Record<string, unknown> & { _id: string };
type QueryOp = 'eq' | 'in' | 'gt' | 'gte' | 'lt' | 'lte';

class QueryCommand {
  constructor(
    readonly op: QueryOp,
    readonly operand: unknown,
  ) {}
}

class LogicCommand {
  constructor(readonly expressions: readonly unknown[]) {}
}

class UpdateCommand {
  constructor(
    readonly op: 'set' | 'remove',
    readonly operand?: unknown,
  ) {}
}

/** An error shaped like the SDK's: an Error with `errCode` and `errMsg`. */
export class FakeSdkError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(`errCode: ${errCode} | errMsg: ${errMsg}`);
  }
}

// Platform: the storage status for a missing file (TCB STORAGE_FILE_NONEXIST).
const FILE_NOT_EXISTS = -503003;
// Platform: @cloudbase/database caps `limit` at 1000 and uses 100 when none (or 0) is given.
const DEFAULT_GET_LIMIT = 100;
const MAX_GET_LIMIT = 1000;
// Platform: getTempFileURL takes at most 50 files a call.
const MAX_TEMP_URL_FILES = 50;

export type SentMessage = WxSubscribeMessageParams;

/** A query as an index sees it: which fields it filters on, how, and how it sorts. */
export interface QueryShape {
  readonly collection: string;
  readonly filters: readonly { readonly field: string; readonly op: string }[];
  readonly orderBy: readonly { readonly field: string; readonly direction: 'asc' | 'desc' }[];
}

/** A real 8 × 8 JPEG standing for the code WeChat draws. */
const FAKE_CODE_JPEG =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAAIAAgBAREA/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAA/AKp//9k=';
type FailStyle = 'reject' | 'resolve';
type Operation = 'add' | 'get' | 'update' | 'downloadFile' | 'runTransaction' | 'send';

export class FakeWxCloud implements WxCloud {
  readonly DYNAMIC_CURRENT_ENV: symbol = Symbol('SYMBOL_CURRENT_ENV');
  /** What `init` was called with, for entry-point tests. */
  initOptions: { env?: string | symbol } | undefined;
  /** Every message `subscribeMessage.send` accepted, in order. */
  readonly sentMessages: SentMessage[] = [];
  /**
   * The shape of every collection query run (fields filtered on, with their operators, and the
   * sort), each once: what the deployment's indexes must serve (`src/server/database.indexes.ts`).
   */
  readonly queryShapes: QueryShape[] = [];

  private readonly collections = new Map<string, Map<string, Stored>>();
  /** Bumped on every write of a document; transactions use it to detect conflicts. */
  private readonly versions = new Map<string, number>();
  private readonly files = new Map<string, Buffer>();
  private readonly pendingSendFailures: { errCode: number; errMsg: string; style: FailStyle }[] = [];
  private readonly pendingFailures = new Map<Operation, Error>();
  private context: WxContext = {};
  private nextAutoId = 1;

  /** Every code `wxacode.getUnlimited` made, in order. */
  readonly miniCodes: WxGetUnlimitedParams[] = [];
  /** Pages the released mini-program has (`checkPath: true` refuses any other with 41030). */
  publishedPages: readonly string[] = ['pages/index/index', 'pages/unit/index'];
  private readonly pendingCodeFailures: { errCode: number; errMsg: string }[] = [];

  readonly openapi = {
    wxacode: {
      getUnlimited: (params: WxGetUnlimitedParams) => this.getUnlimited(params),
    },
    subscribeMessage: {
      send: (params: WxSubscribeMessageParams) => this.send(params),
    },
    ocr: {
      printedText: async (params: { type: 'photo' | 'scan'; img: { contentType: string; value: Buffer } }): Promise<WxPrintedText> => {
        if (params.img.value.length >= 2 * 1024 * 1024) throw new FakeSdkError(40006, 'openapi.ocr.printedText:fail invalid media size');
        if (!this.printedTextReader) throw new FakeSdkError(-1, 'openapi.ocr.printedText:fail system error (no reader set in the fake)');
        return { errCode: 0, errMsg: 'openapi.ocr.printedText:ok', ...(await this.printedTextReader(params.img.value)) };
      },
    },
  };
  /** What `ocr.printedText` reads (a test sets a real model behind it, answering in WeChat's shape). */
  printedTextReader: ((image: Buffer) => Promise<Pick<WxPrintedText, 'items' | 'imgSize'>>) | null = null;

  init(options?: { env?: string | symbol }): void {
    this.initOptions = { ...options };
  }

  // ---- test controls --------------------------------------------------------------------

  /** Platform: collections must exist before use (created in the console); others fail -502005. */
  createCollection(name: string): void {
    if (!this.collections.has(name)) this.collections.set(name, new Map());
  }

  /** A copy of a collection's raw documents, `_rev` and all. */
  rawDocuments(name: string): Stored[] {
    return [...(this.collections.get(name)?.values() ?? [])].map((doc) => structuredClone(doc));
  }

  /** Writes a raw document, bypassing everything (to simulate another writer). */
  putRaw(name: string, doc: Stored): void {
    this.collectionOrThrow(name).set(doc._id, structuredClone(doc));
    this.bump(name, doc._id);
  }

  /** The next `subscribeMessage.send` fails with this WeChat error, by rejecting or by resolving. */
  failNextSend(errCode: number, errMsg: string, style: FailStyle = 'reject'): void {
    this.pendingSendFailures.push({ errCode, errMsg, style });
  }

  /** The next call of `operation` rejects with `error` (network faults and the like). */
  failNext(operation: Operation, error: Error): void {
    this.pendingFailures.set(operation, error);
  }

  setContext(context: WxContext): void {
    this.context = { ...context };
  }

  hasFile(fileID: string): boolean {
    return this.files.has(fileID);
  }

  /** Every stored file's ID. */
  fileIds(): string[] {
    return [...this.files.keys()];
  }

  // ---- WxCloud --------------------------------------------------------------------------

  getWXContext(): WxContext {
    // Platform: read from the invocation's environment; works without init, `{}` outside a call.
    return { ...this.context };
  }

  database(options: WxDatabaseOptions = {}): WxDatabase {
    this.assertInitialized();
    return new FakeDatabase(this, options.throwOnNotFound ?? true);
  }

  async uploadFile(params: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }> {
    this.assertInitialized();
    if (!Buffer.isBuffer(params.fileContent)) throw new FakeSdkError(-1, 'uploadFile:fail fileContent must be a Buffer');
    // Platform: a cloudPath is relative; uploading the same path again overwrites the file.
    if (params.cloudPath.startsWith('/') || params.cloudPath.length === 0) {
      throw new FakeSdkError(-501007, 'uploadFile:fail invalid cloudPath');
    }
    const fileID = `cloud://fake-env.fake-bucket/${params.cloudPath}`;
    this.files.set(fileID, Buffer.from(params.fileContent));
    return { fileID };
  }

  async downloadFile(params: { fileID: string }): Promise<{ fileContent: Buffer }> {
    this.assertInitialized();
    this.throwIfFailing('downloadFile');
    const content = this.files.get(params.fileID);
    // Platform: node-sdk throws STORAGE_FILE_NONEXIST and wx-server-sdk rewraps it with errCode -1.
    if (!content) throw new FakeSdkError(-1, 'downloadFile:fail storage file not exist');
    return { fileContent: Buffer.from(content) };
  }

  async getTempFileURL(params: {
    fileList: readonly { fileID: string; maxAge: number }[];
  }): Promise<{ fileList: WxTempFileURL[] }> {
    this.assertInitialized();
    if (params.fileList.length > MAX_TEMP_URL_FILES) {
      throw new FakeSdkError(-501007, `getTempFileURL:fail at most ${MAX_TEMP_URL_FILES} files`);
    }
    return {
      fileList: params.fileList.map(({ fileID, maxAge }) =>
        this.files.has(fileID)
          ? {
              fileID,
              status: 0,
              errMsg: 'ok',
              tempFileURL: `https://fake-bucket.tcb.qcloud.la/${encodeURI(fileID.replace(/^cloud:\/\/[^/]+\//, ''))}?maxAge=${maxAge}`,
            }
          : { fileID, status: FILE_NOT_EXISTS, errMsg: 'storage file not exists', tempFileURL: '' },
      ),
    };
  }

  async deleteFile(params: { fileList: readonly string[] }): Promise<{ fileList: WxDeleteFileResult[] }> {
    this.assertInitialized();
    return {
      // Platform: a missing file is a per-file status, not a rejection.
      fileList: params.fileList.map((fileID) =>
        this.files.delete(fileID)
          ? { fileID, status: 0, errMsg: 'ok' }
          : { fileID, status: FILE_NOT_EXISTS, errMsg: 'storage file not exists' },
      ),
    };
  }

  // ---- internals shared with the database fakes -----------------------------------------

  collectionOrThrow(name: string): Map<string, Stored> {
    const collection = this.collections.get(name);
    // Platform: errCode -502005 "database collection not exists".
    if (!collection) throw new FakeSdkError(-502005, `database collection not exists: ${name}`);
    return collection;
  }

  version(name: string, id: string): number {
    return this.versions.get(`${name}\u0000${id}`) ?? 0;
  }

  bump(name: string, id: string): void {
    this.versions.set(`${name}\u0000${id}`, this.version(name, id) + 1);
  }

  throwIfFailing(operation: Operation): void {
    const failure = this.pendingFailures.get(operation);
    if (failure) {
      this.pendingFailures.delete(operation);
      throw failure;
    }
  }

  generateId(): string {
    return `auto${String(this.nextAutoId++).padStart(28, '0')}`;
  }

  private assertInitialized(): void {
    // Platform: every cloud API throws "Cloud API isn't enabled, please call init first" before init.
    if (!this.initOptions) throw new FakeSdkError(-1, "Cloud API isn't enabled, please call init first");
  }

  /** The next `getUnlimited` call fails with this WeChat error (e.g. 45009 daily quota). */
  failNextMiniCode(errCode: number, errMsg: string): void {
    this.pendingCodeFailures.push({ errCode, errMsg });
  }

  private async getUnlimited(params: WxGetUnlimitedParams): Promise<{ errCode: number; errMsg: string; contentType: string; buffer: Buffer }> {
    this.assertInitialized();
    const failure = this.pendingCodeFailures.shift();
    if (failure) throw new FakeSdkError(failure.errCode, `openapi.wxacode.getUnlimited:fail ${failure.errMsg}`);
    // Platform: scene is at most 32 visible characters; a page must be released when checkPath is on.
    if (params.scene.length > 32) throw new FakeSdkError(40169, 'openapi.wxacode.getUnlimited:fail invalid length for scene, or the data is not json string');
    if (params.checkPath && !this.publishedPages.includes(params.page)) throw new FakeSdkError(41030, 'openapi.wxacode.getUnlimited:fail invalid page rid: fake');
    this.miniCodes.push({ ...params });
    return { errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok', contentType: 'image/jpeg', buffer: Buffer.from(FAKE_CODE_JPEG, 'base64') };
  }

  private async send(params: WxSubscribeMessageParams): Promise<{ errCode: number; errMsg: string }> {
    this.assertInitialized();
    this.throwIfFailing('send');
    const failure = this.pendingSendFailures.shift();
    if (failure) {
      const errMsg = `openapi.subscribeMessage.send:fail ${failure.errMsg}`;
      // Platform: 4.0.2 rejects with a CloudSDKError carrying WeChat's errcode.
      if (failure.style === 'reject') throw new FakeSdkError(failure.errCode, errMsg);
      return { errCode: failure.errCode, errMsg };
    }
    for (const [key, entry] of Object.entries(params.data)) {
      if (typeof (entry as { value?: unknown } | null)?.value !== 'string') {
        throw new FakeSdkError(47003, `openapi.subscribeMessage.send:fail argument invalid! data.${key}.value invalid`);
      }
    }
    if (!params.touser) throw new FakeSdkError(40003, 'openapi.subscribeMessage.send:fail invalid openid');
    if (!params.templateId) throw new FakeSdkError(40037, 'openapi.subscribeMessage.send:fail invalid template id');
    this.sentMessages.push(structuredClone(params));
    return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
  }
}

/** A fresh fake, already `init`ed the way entry points do it. */
export function createFakeWxCloud(): FakeWxCloud {
  const fake = new FakeWxCloud();
  fake.init({ env: fake.DYNAMIC_CURRENT_ENV });
  return fake;
}

// ---- database ---------------------------------------------------------------------------

const command: WxCommand = {
  eq: (value) => new QueryCommand('eq', value),
  in: (values) => new QueryCommand('in', [...values]),
  gt: (value) => new QueryCommand('gt', value),
  gte: (value) => new QueryCommand('gte', value),
  lt: (value) => new QueryCommand('lt', value),
  lte: (value) => new QueryCommand('lte', value),
  // Platform: `and` takes an array or the expressions as arguments.
  and: (...args: unknown[]) => new LogicCommand(Array.isArray(args[0]) ? (args[0] as unknown[]) : args),
  set: (value) => new UpdateCommand('set', value),
  remove: () => new UpdateCommand('remove'),
};

class FakeDatabase implements WxDatabase {
  readonly command = command;

  constructor(
    private readonly cloud: FakeWxCloud,
    private readonly throwOnNotFound: boolean,
  ) {}

  collection(name: string) {
    const query = new FakeQuery(this.cloud, name, {});
    return Object.assign(query, {
      doc: (id: string) => new FakeDocument(this.cloud, name, id, this.throwOnNotFound, undefined),
      add: async (options: { data: Record<string, unknown> }): Promise<{ _id: string }> => {
        this.cloud.throwIfFailing('add');
        const collection = this.cloud.collectionOrThrow(name);
        assertNoCommands(options.data, 'collection.add');
        const id = options.data._id === undefined ? this.cloud.generateId() : options.data._id;
        if (typeof id !== 'string') throw new FakeSdkError(-501007, 'collection.add:fail _id must be a string');
        // Platform: an insert with an existing _id fails (a duplicate key), it never overwrites.
        if (collection.has(id)) {
          throw new FakeSdkError(-502001, `collection.add:fail -502001 database request fail. duplicate key _id ${id}`);
        }
        collection.set(id, { ...structuredClone(options.data), _id: id });
        this.cloud.bump(name, id);
        return { _id: id };
      },
    });
  }

  async runTransaction<T>(callback: (tx: WxTransaction) => Promise<T>, retries = 3): Promise<T> {
    this.cloud.throwIfFailing('runTransaction');
    for (let attempt = 0; ; attempt++) {
      const tx = new FakeTransaction(this.cloud, this.throwOnNotFound);
      let result: T;
      try {
        result = await callback(tx);
      } catch (error) {
        // Platform: the SDK rolls back and rethrows, but a rolled-back transaction rejects with its reason.
        if (tx.aborted) throw tx.abortReason;
        throw error;
      }
      if (tx.aborted) throw tx.abortReason;
      if (tx.commit()) return result;
      // Platform: on a write conflict the SDK re-runs the callback, `retries` more times at most.
      if (attempt >= retries) throw new FakeSdkError(-502001, 'transaction conflict: DATABASE_TRANSACTION_CONFLICT');
    }
  }
}

type QueryState = {
  readonly where?: unknown;
  readonly orderBy?: readonly { field: string; direction: 'asc' | 'desc' }[];
  readonly skip?: number;
  readonly limit?: number;
};

class FakeQuery implements WxQuery {
  constructor(
    protected readonly cloud: FakeWxCloud,
    protected readonly name: string,
    private readonly state: QueryState,
  ) {}

  where(condition: WxCondition): WxQuery {
    if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
      throw new FakeSdkError(-501007, 'query condition must be an object');
    }
    return new FakeQuery(this.cloud, this.name, { ...this.state, where: condition });
  }

  orderBy(field: string, direction: 'asc' | 'desc'): WxQuery {
    if (direction !== 'asc' && direction !== 'desc') throw new FakeSdkError(-501007, `invalid order ${String(direction)}`);
    return new FakeQuery(this.cloud, this.name, { ...this.state, orderBy: [...(this.state.orderBy ?? []), { field, direction }] });
  }

  skip(offset: number): WxQuery {
    if (!Number.isInteger(offset) || offset < 0) throw new FakeSdkError(-501007, 'skip must be a non-negative integer');
    return new FakeQuery(this.cloud, this.name, { ...this.state, skip: offset });
  }

  limit(max: number): WxQuery {
    if (!Number.isInteger(max)) throw new FakeSdkError(-501007, 'limit must be an integer');
    return new FakeQuery(this.cloud, this.name, { ...this.state, limit: max });
  }

  /** Records this query's shape on the fake (once per distinct shape). */
  protected record(): void {
    const shape: QueryShape = { collection: this.name, filters: this.state.where === undefined ? [] : filtersOf(this.state.where), orderBy: [...(this.state.orderBy ?? [])] };
    const key = JSON.stringify(shape);
    if (!this.cloud.queryShapes.some((known) => JSON.stringify(known) === key)) this.cloud.queryShapes.push(shape);
  }

  async get(): Promise<{ data: WxDocData[] }> {
    this.cloud.throwIfFailing('get');
    this.record();
    const sorted = this.sorted(this.matching());
    const skip = this.state.skip ?? 0;
    const limit = this.state.limit ? Math.min(this.state.limit, MAX_GET_LIMIT) : DEFAULT_GET_LIMIT;
    return { data: sorted.slice(skip, skip + limit).map((doc) => structuredClone(doc)) };
  }

  async count(): Promise<{ total: number }> {
    this.record();
    return { total: this.matching().length };
  }

  async update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }> {
    this.cloud.throwIfFailing('update');
    assertUpdateData(options.data, 'collection.update');
    this.record();
    const collection = this.cloud.collectionOrThrow(this.name);
    let updated = 0;
    for (const doc of this.matching()) {
      const next = applyUpdate(doc, options.data);
      // Platform: `updated` counts documents that actually changed (MongoDB's nModified).
      if (JSON.stringify(next) !== JSON.stringify(doc)) {
        collection.set(doc._id, next);
        this.cloud.bump(this.name, doc._id);
        updated++;
      }
    }
    return { stats: { updated } };
  }

  async remove(): Promise<{ stats: { removed: number } }> {
    this.record();
    const collection = this.cloud.collectionOrThrow(this.name);
    const doomed = this.matching();
    for (const doc of doomed) {
      collection.delete(doc._id);
      this.cloud.bump(this.name, doc._id);
    }
    return { stats: { removed: doomed.length } };
  }

  private matching(): Stored[] {
    const docs = [...this.cloud.collectionOrThrow(this.name).values()];
    const where = this.state.where;
    return where === undefined ? docs : docs.filter((doc) => matches(doc, where));
  }

  private sorted(docs: Stored[]): Stored[] {
    const orderBy = this.state.orderBy ?? [];
    // Without orderBy: insertion order, which is what MongoDB's natural order usually looks like.
    if (orderBy.length === 0) return docs;
    // Platform: the order of documents with equal sort keys is unspecified and may differ between
    // pages. Ties are broken by a hash that depends on skip/limit, so paging without a unique
    // last sort key fails here as it can in production.
    const salt = `${this.state.skip ?? 0}/${this.state.limit ?? 0}`;
    return [...docs].sort((a, b) => {
      for (const { field, direction } of orderBy) {
        const order = compareValues(valueAt(a, field), valueAt(b, field));
        if (order !== 0) return direction === 'asc' ? order : -order;
      }
      return tieHash(a._id, salt) - tieHash(b._id, salt);
    });
  }
}

/** The fields a condition filters on and their operators (`eq` for a plain value), `and` flattened. */
function filtersOf(condition: unknown): { field: string; op: string }[] {
  if (condition instanceof LogicCommand) return condition.expressions.flatMap(filtersOf);
  if (typeof condition !== 'object' || condition === null) return [];
  return Object.entries(condition as Record<string, unknown>).map(([field, value]) => ({ field, op: value instanceof QueryCommand ? value.op : 'eq' }));
}

class FakeDocument implements WxDocumentRef {
  constructor(
    private readonly cloud: FakeWxCloud,
    private readonly name: string,
    private readonly id: string,
    private readonly throwOnNotFound: boolean,
    private readonly tx: FakeTransaction | undefined,
  ) {}

  async get(): Promise<{ data: WxDocData | null }> {
    if (!this.tx) this.cloud.throwIfFailing('get');
    const doc = this.tx ? this.tx.read(this.name, this.id) : this.cloud.collectionOrThrow(this.name).get(this.id);
    if (!doc) {
      // Platform: wx-server-sdk throws `document with _id … does not exist` unless throwOnNotFound is false.
      if (this.throwOnNotFound) {
        throw new FakeSdkError(-1, `document.get:fail document with _id ${this.id} does not exist`);
      }
      return { data: null };
    }
    return { data: structuredClone(doc) };
  }

  async set(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number; created: number } }> {
    // Platform: set refuses `_id` in data ("不能更新_id的值") and update commands ("update operator complicit").
    if (Object.prototype.hasOwnProperty.call(options.data, '_id')) throw new FakeSdkError(-501007, '不能更新_id的值');
    assertNoCommands(options.data, 'document.set');
    const existed = this.current() !== undefined;
    this.write({ ...structuredClone(options.data), _id: this.id });
    return { stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 } };
  }

  async update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }> {
    if (!this.tx) this.cloud.throwIfFailing('update');
    assertUpdateData(options.data, 'document.update');
    const current = this.current();
    // Platform: updating a missing document is `updated: 0`, not an error.
    if (!current) return { stats: { updated: 0 } };
    const next = applyUpdate(current, options.data);
    const changed = JSON.stringify(next) !== JSON.stringify(current);
    if (changed) this.write(next);
    return { stats: { updated: changed ? 1 : 0 } };
  }

  async remove(): Promise<{ stats: { removed: number } }> {
    const existed = this.current() !== undefined;
    if (existed) this.write(null);
    return { stats: { removed: existed ? 1 : 0 } };
  }

  private current(): Stored | undefined {
    return this.tx ? this.tx.read(this.name, this.id) : this.cloud.collectionOrThrow(this.name).get(this.id);
  }

  private write(doc: Stored | null): void {
    if (this.tx) {
      this.tx.stage(this.name, this.id, doc);
      return;
    }
    const collection = this.cloud.collectionOrThrow(this.name);
    if (doc) collection.set(this.id, doc);
    else collection.delete(this.id);
    this.cloud.bump(this.name, this.id);
  }
}

/**
 * Writes are staged and applied together at commit, so a transaction is all or nothing.
 * Platform: transactions offer only document-level operations, hence no where/add here.
 */
class FakeTransaction implements WxTransaction {
  aborted = false;
  abortReason: unknown;
  private readonly staged = new Map<string, { name: string; id: string; doc: Stored | null }>();
  private readonly seenVersions = new Map<string, { name: string; id: string; version: number }>();

  constructor(
    private readonly cloud: FakeWxCloud,
    private readonly throwOnNotFound: boolean,
  ) {}

  collection(name: string): { doc(id: string): WxDocumentRef } {
    return { doc: (id: string) => new FakeDocument(this.cloud, name, id, this.throwOnNotFound, this) };
  }

  async rollback(reason: unknown): Promise<void> {
    // Platform: runTransaction then rejects with exactly this reason.
    this.aborted = true;
    this.abortReason = reason;
  }

  read(name: string, id: string): Stored | undefined {
    const key = this.touch(name, id);
    const staged = this.staged.get(key);
    if (staged) return staged.doc ?? undefined;
    return this.cloud.collectionOrThrow(name).get(id);
  }

  stage(name: string, id: string, doc: Stored | null): void {
    this.staged.set(this.touch(name, id), { name, id, doc });
  }

  /** Applies every staged write, or none if another writer touched the same documents. */
  commit(): boolean {
    for (const { name, id, version } of this.seenVersions.values()) {
      if (this.cloud.version(name, id) !== version) return false;
    }
    for (const { name, id, doc } of this.staged.values()) {
      const collection = this.cloud.collectionOrThrow(name);
      if (doc) collection.set(id, doc);
      else collection.delete(id);
      this.cloud.bump(name, id);
    }
    return true;
  }

  private touch(name: string, id: string): string {
    this.cloud.collectionOrThrow(name);
    const key = `${name}\u0000${id}`;
    if (!this.seenVersions.has(key)) this.seenVersions.set(key, { name, id, version: this.cloud.version(name, id) });
    return key;
  }
}

// ---- query and update semantics (MongoDB's, which the cloud database follows) -----------

function valueAt(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function matches(doc: Stored, condition: unknown, prefix = ''): boolean {
  if (condition instanceof LogicCommand) return condition.expressions.every((expression) => matches(doc, expression, prefix));
  if (condition === null || typeof condition !== 'object') throw new FakeSdkError(-501007, 'invalid query condition');
  return Object.entries(condition).every(([key, expected]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (expected instanceof QueryCommand) return matchesCommand(valueAt(doc, path), expected);
    if (expected instanceof LogicCommand) return matches(doc, expected, path);
    // Platform: the SDK flattens nested plain objects in a query into dotted paths.
    if (isPlainObject(expected)) return matches(doc, expected, path);
    return equalsQuery(valueAt(doc, path), expected);
  });
}

function matchesCommand(actual: unknown, command: QueryCommand): boolean {
  switch (command.op) {
    case 'eq':
      return equalsQuery(actual, command.operand);
    case 'in':
      return (command.operand as unknown[]).some((candidate) => equalsQuery(actual, candidate));
    default: {
      // Platform: comparisons only match values of the same type (MongoDB type bracketing).
      const operand = command.operand;
      const sameType =
        (typeof actual === 'number' && typeof operand === 'number') ||
        (typeof actual === 'string' && typeof operand === 'string');
      if (!sameType) return false;
      const order = compareValues(actual, operand);
      return { gt: order > 0, gte: order >= 0, lt: order < 0, lte: order <= 0 }[command.op];
    }
  }
}

/** Platform: `null` matches a missing field too; an array field matches if any element does. */
function equalsQuery(actual: unknown, expected: unknown): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (Array.isArray(actual) && !Array.isArray(expected)) return actual.some((item) => deepEqual(item, expected));
  return deepEqual(actual, expected);
}

/** FNV-1a: cheap and deterministic, so failures reproduce. */
function tieHash(id: string, salt: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${salt}:${id}`) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return hash;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** MongoDB's cross-type sort order: missing/null, numbers, strings, objects, arrays, booleans. */
function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (Array.isArray(value)) return 4;
  if (typeof value === 'object') return 3;
  return 5;
}

function compareValues(a: unknown, b: unknown): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0) return rank;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** By tag, not prototype: structuredClone under jest yields objects from another realm. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value instanceof UpdateCommand || value instanceof QueryCommand || value instanceof LogicCommand) return false;
  return Object.prototype.toString.call(value) === '[object Object]';
}

function assertUpdateData(data: Record<string, unknown>, api: string): void {
  // Platform: update data must be a non-empty object without `_id`.
  if (!isPlainObject(data) || Object.keys(data).length === 0) {
    throw new FakeSdkError(-501007, `${api}:fail options.data must be a non-empty object`);
  }
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw new FakeSdkError(-501007, '不能更新_id的值');
}

function assertNoCommands(data: unknown, api: string): void {
  if (data instanceof UpdateCommand || data instanceof QueryCommand || data instanceof LogicCommand) {
    throw new FakeSdkError(-502001, `${api}:fail update operator complicit`);
  }
  if (Array.isArray(data)) data.forEach((item) => assertNoCommands(item, api));
  else if (isPlainObject(data)) Object.values(data).forEach((value) => assertNoCommands(value, api));
}

/**
 * Platform: plain nested objects in update data are merged field by field (the SDK turns them into
 * dotted `$set` paths); `_.set(value)` replaces the field whole and `_.remove()` deletes it.
 */
function applyUpdate(doc: Stored, data: Record<string, unknown>): Stored {
  const next = structuredClone(doc);
  const assign = (path: string[], value: unknown): void => {
    if (value instanceof UpdateCommand) {
      if (value.op === 'set') setPath(next, path, structuredClone(value.operand));
      else removePath(next, path);
      return;
    }
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      for (const [key, inner] of Object.entries(value)) assign([...path, key], inner);
      return;
    }
    assertNoCommands(value, 'update');
    setPath(next, path, structuredClone(value));
  };
  for (const [key, value] of Object.entries(data)) assign(key.split('.'), value);
  return next;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let current = target;
  for (const segment of path.slice(0, -1)) {
    const child = current[segment];
    if (!isPlainObject(child)) current[segment] = {};
    current = current[segment] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (last !== undefined) current[last] = value;
}

function removePath(target: Record<string, unknown>, path: string[]): void {
  const parent = valueAt(target, path.slice(0, -1).join('.'));
  const last = path[path.length - 1];
  const container = path.length === 1 ? target : parent;
  if (last !== undefined && isPlainObject(container)) delete container[last];
}
