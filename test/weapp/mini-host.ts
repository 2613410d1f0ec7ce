import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/**
 * A small host for a built mini-program (dist/weapp): it evaluates the package's scripts in a
 * Node `vm` context the way WeChat's JS engine would (CommonJS `require` between package files,
 * the globals `wx`, `App`, `Page`, `Component`, `getApp`, `getCurrentPages`), records every `wx`
 * call and every `setData`, and lets a test launch the app and open pages. It renders nothing:
 * what a page would show is the data its `setData` calls leave behind, which is what WeChat's
 * templates (base.wxml) draw from.
 *
 * WeChat DevTools cannot run here; this catches what breaks a build before any template is
 * drawn: an undefined build constant, an API the code calls that WeChat lacks or that the host
 * does not provide, a page that throws while it loads, a call that never reaches its function.
 */

export interface WxCall {
  readonly api: string;
  readonly args: readonly unknown[];
}

/** A node of the tree Taro renders into a page's data: `nn` its kind, `v` its text, `cn` its children. */
export interface RenderedNode {
  readonly sid: string;
  readonly nn?: string;
  readonly v?: string;
  readonly cl?: string;
  readonly ariaLabel?: string;
  readonly cn?: readonly RenderedNode[];
  readonly [key: string]: unknown;
}

/** The first node, depth first, that `find` picks. */
export function findNode(data: unknown, find: (node: RenderedNode) => boolean): RenderedNode | null {
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findNode(item, find);
      if (found) return found;
    }
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const record = data as Record<string, unknown>;
  if (typeof record.sid === 'string' && find(record as unknown as RenderedNode)) return record as unknown as RenderedNode;
  for (const value of Object.values(record)) {
    const found = findNode(value, find);
    if (found) return found;
  }
  return null;
}

export type PrivacyListener = (resolve: (option: { event: string; buttonId?: string }) => void, info: { referrer: string }) => void;

export interface PageInstance {
  readonly route: string;
  readonly options: Readonly<Record<string, string>>;
  data: Record<string, unknown>;
  readonly setDataCalls: Record<string, unknown>[];
  [key: string]: unknown;
}

/** What `wx` offers the package; each entry is called with the call's arguments. */
export type WxApi = Record<string, unknown>;

export interface MiniHostOptions {
  readonly distDir: string;
  /** `wx` APIs beyond the host's defaults (storage, system info, navigation, cloud). */
  readonly wx?: WxApi;
  readonly systemFontSize?: number;
}

type Lifecycle = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Applies a `setData` key the way WeChat does: `a.b[2].c` or Taro's `root.cn.[0].v` paths
 * create what is missing along the way.
 */
export function applyPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key
    .replace(/\.\[/g, '[')
    .split(/\.|(?=\[)/)
    .filter((part) => part.length > 0)
    .map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part));
  let node: Record<string | number, unknown> = target;
  parts.forEach((part, index) => {
    if (index === parts.length - 1) {
      node[part] = value;
      return;
    }
    const next = parts[index + 1];
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = typeof next === 'number' ? [] : {};
    node = node[part] as Record<string | number, unknown>;
  });
}

/** Every text a page's data holds (Taro text nodes keep theirs under `v`), in document order. */
export function textsOf(data: unknown): string[] {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        // A number child is a text node whose value is the number (WeChat's template prints it).
        if (key === 'v' && (typeof value === 'string' || typeof value === 'number')) texts.push(String(value));
        else walk(value);
      }
    }
  };
  walk(data);
  return texts;
}

export class MiniHost {
  readonly calls: WxCall[] = [];
  /** `wx` names the package read that the host does not provide (Taro probes for optional APIs). */
  readonly probedApis = new Set<string>();
  /** Everything that went wrong inside the package: thrown errors, rejected promises, console.error. */
  readonly errors: string[] = [];
  private readonly intervals = new Set<NodeJS.Timeout>();
  readonly pages: PageInstance[] = [];
  /** What the package registered with `onNeedPrivacyAuthorization`, if anything. */
  privacyListener: PrivacyListener | null = null;
  readonly appJson: { pages: string[]; subPackages?: { root: string; pages: string[] }[]; subpackages?: { root: string; pages: string[] }[] };

  private readonly context: vm.Context;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pageConfigs = new Map<string, Record<string, unknown>>();
  private readonly componentConfigs = new Map<string, Record<string, unknown>>();
  private appConfig: Record<string, unknown> | null = null;
  private loadingFile: string | null = null;
  private readonly onRejection = (reason: unknown) => this.errors.push(`unhandled rejection: ${describe(reason)}`);

  constructor(private readonly options: MiniHostOptions) {
    const appJsonFile = path.join(options.distDir, 'app.json');
    if (!existsSync(appJsonFile)) throw new Error(`${appJsonFile} is missing: run \`npm run build:weapp\` first`);
    this.appJson = JSON.parse(readFileSync(appJsonFile, 'utf8')) as MiniHost['appJson'];

    const probed = this.probedApis;
    const wx = new Proxy(this.wxApi(), {
      get(target, name) {
        if (typeof name !== 'string') return undefined;
        if (name in target) return target[name];
        // Taro probes for optional APIs by reading them: an API the host lacks reads as absent,
        // as on an old base library, and calling it throws inside the package (an error).
        probed.add(name);
        return undefined;
      },
      has(target, name) {
        return typeof name === 'string' && name in target;
      },
    });

    const sandboxConsole = {
      log: () => undefined,
      info: () => undefined,
      debug: () => undefined,
      warn: () => undefined,
      error: (...args: unknown[]) => this.errors.push(`console.error: ${args.map(describe).join(' ')}`),
    };

    this.context = vm.createContext({
      wx,
      console: sandboxConsole,
      setTimeout,
      clearTimeout,
      // Intervals are the package's until the host is disposed (WeChat stops them when the mini program closes).
      setInterval: (callback: () => void, ms?: number) => {
        const timer = setInterval(callback, ms);
        this.intervals.add(timer);
        return timer;
      },
      clearInterval: (timer: NodeJS.Timeout) => {
        this.intervals.delete(timer);
        clearInterval(timer);
      },
      queueMicrotask,
      App: (config: Record<string, unknown>) => {
        this.appConfig = config;
      },
      Page: (config: Record<string, unknown>) => {
        this.pageConfigs.set(this.currentRoute(), config);
      },
      Component: (config: Record<string, unknown>) => {
        const route = this.currentRoute();
        // A page built as a Component: its lifecycles live under `methods`.
        if (this.appJson.pages.includes(route) || this.subpackagePages().includes(route)) this.pageConfigs.set(route, config);
        else this.componentConfigs.set(route, config);
      },
      Behavior: (config: unknown) => config,
      getApp: () => this.appConfig,
      getCurrentPages: () => [...this.pages],
      requirePlugin: () => ({}),
    });
    process.on('unhandledRejection', this.onRejection);
  }

  /** Stops listening for the package's unhandled rejections. */
  dispose(): void {
    process.off('unhandledRejection', this.onRejection);
    for (const timer of this.intervals) clearInterval(timer);
    this.intervals.clear();
  }

  /** Evaluates app.js (which loads the shared chunks) and runs `onLaunch` and `onShow`. */
  launch(query: Record<string, string> = {}): void {
    this.guard('app.js', () => this.require('app'));
    if (!this.appConfig) throw new Error(`app.js did not call App():\n${this.errors.join('\n')}`);
    const launch = { path: this.appJson.pages[0], query, scene: 1001 };
    this.lifecycle(this.appConfig, 'onLaunch', launch);
    this.lifecycle(this.appConfig, 'onShow', launch);
  }

  /** Every page app.json lists, main package first, then each subpackage's. */
  allRoutes(): string[] {
    return [...this.appJson.pages, ...this.subpackagePages()];
  }

  /** Loads a page's script and runs its lifecycles (`onLoad`, `onShow`, `onReady`) as WeChat does. */
  openPage(route: string, query: Record<string, string> = {}): PageInstance {
    this.guard(`${route}.js`, () => this.require(route));
    const config = this.pageConfigs.get(route);
    if (!config) throw new Error(`${route}.js did not call Page() or Component()`);
    const methods = { ...(config.methods as Record<string, unknown> | undefined), ...config };
    const page: PageInstance = {
      ...methods,
      route,
      options: query,
      data: structuredClone((config.data as Record<string, unknown> | undefined) ?? {}),
      setDataCalls: [],
      is: route,
      setData: (patch: Record<string, unknown>, callback?: () => void) => {
        page.setDataCalls.push(patch);
        for (const [key, value] of Object.entries(patch)) applyPath(page.data, key, structuredClone(value));
        if (callback) setTimeout(callback, 0);
      },
      // Taro renders custom wrappers and selector queries against the page; none are drawn here.
      selectComponent: () => null,
      createSelectorQuery: () => (this.wxApi().createSelectorQuery as () => unknown)(),
    };
    this.pages.push(page);
    this.lifecycle(page, 'onLoad', query);
    this.lifecycle(page, 'onShow');
    this.lifecycle(page, 'onReady');
    return page;
  }

  /**
   * Taps the rendered node `find` picks (by its aria-label, class or text), as WeChat delivers a
   * tap: to the page's event handler, with the node's id. Returns false when no node matches.
   */
  tap(page: PageInstance, find: (node: RenderedNode) => boolean): boolean {
    const node = findNode(page.data, find);
    return node ? this.deliver(page, node.sid, 'tap', { x: 0, y: 0 }) : false;
  }

  /** Delivers a component event (`beforeleave`, `change` …) to the node with this id, as WeChat does. */
  deliver(page: PageInstance, sid: string, type: string, detail: unknown = {}): boolean {
    if (!findNode(page.data, (n) => n.sid === sid)) return false;
    const handler = page.eh as ((event: unknown) => void) | undefined;
    if (typeof handler !== 'function') throw new Error(`${page.route} has no event handler`);
    const target = { id: sid, dataset: {} };
    this.guard(`${type} on ${sid}`, () => handler.call(page, { type, timeStamp: Date.now(), target, currentTarget: target, detail }));
    return true;
  }

  /** Hides and unloads the page on top, as navigating back does. */
  closePage(page: PageInstance): void {
    this.lifecycle(page, 'onHide');
    this.lifecycle(page, 'onUnload');
    const index = this.pages.indexOf(page);
    if (index >= 0) this.pages.splice(index, 1);
  }

  /** Waits until the package has been quiet (no setData, no wx call) for `quietMs`, or `timeoutMs`. */
  async settle(quietMs = 150, timeoutMs = 5000): Promise<void> {
    const start = Date.now();
    let last = this.activity();
    let quietSince = Date.now();
    while (Date.now() - start < timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const now = this.activity();
      if (now !== last) {
        last = now;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= quietMs) return;
    }
  }

  /** The package's wxml or wxss text for a page, e.g. `pages/index/index.wxml`. */
  file(relative: string): string {
    return readFileSync(path.join(this.options.distDir, relative), 'utf8');
  }

  private activity(): number {
    return this.calls.length + this.pages.reduce((sum, page) => sum + page.setDataCalls.length, 0);
  }

  private subpackagePages(): string[] {
    const subpackages = [...(this.appJson.subPackages ?? []), ...(this.appJson.subpackages ?? [])];
    return subpackages.flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/$/, '')}/${page}`));
  }

  private currentRoute(): string {
    if (!this.loadingFile) throw new Error('Page() or Component() called outside a page script');
    return path.relative(this.options.distDir, this.loadingFile).replace(/\\/g, '/').replace(/\.js$/, '');
  }

  private lifecycle(target: Record<string, unknown>, name: string, ...args: unknown[]): void {
    const methods = target.methods as Record<string, unknown> | undefined;
    const fn = (target[name] ?? methods?.[name]) as Lifecycle | undefined;
    if (typeof fn !== 'function') return;
    this.guard(`${name}`, () => {
      const result = fn.apply(target, args) as unknown;
      if (result instanceof Promise || (result && typeof (result as Promise<unknown>).then === 'function')) {
        (result as Promise<unknown>).then(undefined, (reason: unknown) => this.errors.push(`${name} rejected: ${describe(reason)}`));
      }
    });
  }

  private guard(label: string, run: () => void): void {
    try {
      run();
    } catch (caught) {
      this.errors.push(`${label} threw: ${describe(caught)}`);
    }
  }

  /** CommonJS between the package's files, as WeChat's module system resolves them. */
  private require(request: string, fromDir = this.options.distDir): unknown {
    let file = path.resolve(fromDir, request);
    if (!file.endsWith('.js')) file = `${file}.js`;
    if (!file.startsWith(path.resolve(this.options.distDir) + path.sep)) throw new Error(`require outside the package: ${request}`);
    const cached = this.modules.get(file);
    if (cached) return cached.exports;
    if (!existsSync(file)) throw new Error(`module not found in the package: ${path.relative(this.options.distDir, file)}`);
    const module = { exports: {} as unknown };
    this.modules.set(file, module);
    const source = readFileSync(file, 'utf8');
    const wrapper = vm.runInContext(`(function (require, module, exports) {${source}\n})`, this.context, { filename: file }) as (
      require: (request: string) => unknown,
      module: { exports: unknown },
      exports: unknown,
    ) => void;
    const previous = this.loadingFile;
    this.loadingFile = file;
    try {
      wrapper((next) => this.require(next, path.dirname(file)), module, module.exports);
    } finally {
      this.loadingFile = previous;
    }
    return module.exports;
  }

  /** The `wx` APIs a Taro app needs to start and render, plus the test's own. */
  private wxApi(): WxApi {
    const storage = new Map<string, unknown>();
    const record = (api: string, args: unknown[]) => this.calls.push({ api, args });
    const windowInfo = { pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 760, statusBarHeight: 47, safeArea: { top: 47, bottom: 810, left: 0, right: 390, width: 390, height: 763 } };
    const systemInfo = { ...windowInfo, brand: 'devtools', model: 'iPhone 12', system: 'iOS 17.0', platform: 'devtools', version: '8.0.50', SDKVersion: '3.5.0', language: 'zh_CN', fontSizeSetting: this.options.systemFontSize ?? 16 };
    /** WeChat's async style: success / fail / complete callbacks, and a promise when none is given. */
    const asyncApi =
      (api: string, answer: (options: Record<string, unknown>) => unknown) =>
      (...args: unknown[]) => {
        record(api, args);
        const options = (args[0] ?? {}) as Record<string, (result: unknown) => void>;
        const result = Promise.resolve().then(() => answer(options));
        result.then(
          (value) => {
            options.success?.(value);
            options.complete?.(value);
          },
          (reason: unknown) => {
            options.fail?.(reason);
            options.complete?.(reason);
          },
        );
        if (!options.success && !options.fail && !options.complete) return result;
        result.catch(() => undefined);
        return undefined;
      };
    const sync =
      (api: string, answer: (...args: unknown[]) => unknown) =>
      (...args: unknown[]) => {
        record(api, args);
        return answer(...args);
      };
    const navigation = (api: string) => asyncApi(api, () => ({ errMsg: `${api}:ok` }));
    const selectorQuery = () => {
      const query = { in: () => query, select: () => query, selectAll: () => query, selectViewport: () => query, boundingClientRect: () => query, scrollOffset: () => query, fields: () => query, node: () => query, exec: (cb?: (r: unknown[]) => void) => cb?.([]) };
      return query;
    };

    return {
      getSystemInfoSync: sync('getSystemInfoSync', () => systemInfo),
      getSystemInfo: asyncApi('getSystemInfo', () => systemInfo),
      getWindowInfo: sync('getWindowInfo', () => windowInfo),
      getDeviceInfo: sync('getDeviceInfo', () => ({ brand: 'devtools', model: 'iPhone 12', system: 'iOS 17.0', platform: 'devtools' })),
      getAppBaseInfo: sync('getAppBaseInfo', () => ({ SDKVersion: '3.5.0', language: 'zh_CN', version: '8.0.50', fontSizeSetting: systemInfo.fontSizeSetting })),
      getMenuButtonBoundingClientRect: sync('getMenuButtonBoundingClientRect', () => ({ top: 51, bottom: 83, left: 297, right: 384, width: 87, height: 32 })),
      getStorageSync: sync('getStorageSync', (key) => (storage.has(String(key)) ? structuredClone(storage.get(String(key))) : '')),
      setStorageSync: sync('setStorageSync', (key, value) => void storage.set(String(key), structuredClone(value))),
      removeStorageSync: sync('removeStorageSync', (key) => void storage.delete(String(key))),
      getStorage: asyncApi('getStorage', (o) => {
        if (!storage.has(String(o.key))) throw { errMsg: 'getStorage:fail data not found' };
        return { data: structuredClone(storage.get(String(o.key))), errMsg: 'getStorage:ok' };
      }),
      setStorage: asyncApi('setStorage', (o) => {
        storage.set(String(o.key), structuredClone(o.data));
        return { errMsg: 'setStorage:ok' };
      }),
      removeStorage: asyncApi('removeStorage', (o) => {
        storage.delete(String(o.key));
        return { errMsg: 'removeStorage:ok' };
      }),
      navigateTo: navigation('navigateTo'),
      redirectTo: navigation('redirectTo'),
      reLaunch: navigation('reLaunch'),
      navigateBack: navigation('navigateBack'),
      switchTab: navigation('switchTab'),
      stopPullDownRefresh: navigation('stopPullDownRefresh'),
      showToast: navigation('showToast'),
      showModal: asyncApi('showModal', () => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' })),
      // WeChat's privacy check: the app's listener, kept so a test can ask as WeChat would.
      onNeedPrivacyAuthorization: sync('onNeedPrivacyAuthorization', (listener) => {
        this.privacyListener = listener as PrivacyListener;
      }),
      // The person closes the album without choosing: recorded, nothing picked.
      chooseMedia: asyncApi('chooseMedia', () => {
        throw { errMsg: 'chooseMedia:fail cancel' };
      }),
      // The same for a file from a chat.
      previewImage: asyncApi('previewImage', () => ({ errMsg: 'previewImage:ok' })),
      // WeChat's subscription prompt: the person taps 允许 for every template asked.
      requestSubscribeMessage: asyncApi('requestSubscribeMessage', (o) => ({
        ...Object.fromEntries(((o.tmplIds as string[] | undefined) ?? []).map((id) => [id, 'accept'])),
        errMsg: 'requestSubscribeMessage:ok',
      })),
      chooseMessageFile: asyncApi('chooseMessageFile', () => {
        throw { errMsg: 'chooseMessageFile:fail cancel' };
      }),
      // The person has agreed to the privacy guide already (the prompt itself is driven through privacyListener).
      requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', () => ({ errMsg: 'requirePrivacyAuthorize:ok' })),
      showLoading: navigation('showLoading'),
      hideLoading: navigation('hideLoading'),
      setNavigationBarTitle: navigation('setNavigationBarTitle'),
      nextTick: sync('nextTick', (cb) => void Promise.resolve().then(cb as () => void)),
      createSelectorQuery: sync('createSelectorQuery', selectorQuery),
      onAppShow: sync('onAppShow', () => undefined),
      onAppHide: sync('onAppHide', () => undefined),
      offAppShow: sync('offAppShow', () => undefined),
      offAppHide: sync('offAppHide', () => undefined),
      onNetworkStatusChange: sync('onNetworkStatusChange', () => undefined),
      canIUse: sync('canIUse', () => true),
      ...this.options.wx,
    };
  }
}

function describe(value: unknown): string {
  if (value instanceof Error || (value && typeof value === 'object' && 'stack' in value)) {
    const error = value as Error;
    const where = (error.stack ?? '').split('\n').slice(1, 4).map((line) => line.slice(0, 160));
    return [error.message, ...where].join('\n');
  }
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
