import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

/**
 * The built mini-program (dist/weapp) rendered by WeChat's own template compiler: each page's WXML
 * is compiled by `wcc` (the binary inside miniprogram-simulate's `miniprogram-compiler`) and drawn
 * by j-component into jsdom, with the page's own JavaScript (Taro's runtime, the app's code)
 * driving it through `setData`, as WeChat's two threads would. What a page shows is then the text
 * of real nodes drawn from WeChat's templates, not the data handed to them.
 *
 * miniprogram-simulate knows components only: a `Page` is registered as a Component whose
 * `attached` runs `onLoad(query)` and `onShow` (as its maintainers advise); `App`, `getApp`,
 * `getCurrentPages` and `wx.cloud` are this module's.
 */

export const distDir = path.resolve(__dirname, '..', '..', '..', 'dist', 'weapp');

export interface AppJson {
  readonly pages: readonly string[];
  readonly subPackages?: readonly { readonly root: string; readonly pages: readonly string[] }[];
  readonly preloadRule?: Readonly<Record<string, { readonly network?: string; readonly packages: readonly string[] }>>;
}

export function appJson(): AppJson {
  return JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8')) as AppJson;
}

/** Every page of every package, as routes (`review/pages/queue/index`). */
export function allRoutes(json: AppJson = appJson()): string[] {
  return [...json.pages, ...(json.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
}

type CallFunction = (options: { name: string; data: unknown }) => Promise<{ result: unknown; errMsg: string }>;

export interface RendererOptions {
  /** Answers `wx.cloud.callFunction` (the real dispatcher, in the tests). */
  readonly callFunction: CallFunction;
  /** What `wx.getStorageSync` starts with. */
  readonly storage?: Record<string, unknown>;
}

interface SimulateComponent {
  readonly dom: HTMLElement;
  attach(parent: Element): void;
  detach(): void;
  querySelector(selector: string): SimulateComponent | null;
  querySelectorAll(selector: string): SimulateComponent[];
  dispatchEvent(name: string, options?: unknown): void;
  readonly instance: Record<string, unknown>;
}

interface Exparser {
  Event: {
    create(name: string, detail: unknown, options: unknown): unknown;
    dispatchEvent(target: unknown, event: unknown): void;
  };
}

interface Simulate {
  load(path: string, options: { compiler: 'official'; rootPath: string }): string;
  render(id: string, properties?: unknown): SimulateComponent;
  sleep(ms: number): Promise<void>;
}

export interface RenderedPage {
  readonly route: string;
  readonly component: SimulateComponent;
  /** Everything the page shows, as one string (the drawn nodes' text). */
  text(): string;
  /** Taps the first drawn node whose own text (trimmed) is `label`; false when none shows it. */
  tap(label: string | RegExp): boolean;
  /** Waits for the page to show `expected` (or throws with what it shows). */
  waitForText(expected: string | RegExp, timeoutMs?: number): Promise<void>;
}

/**
 * A WeChat-like host for one test file: jsdom, WeChat's compiler, the globals WeChat gives a
 * mini-program. `launch()` runs app.js; `open(route, query)` renders a page and attaches it.
 */
export class WechatRenderer {
  readonly errors: string[] = [];
  readonly cloudCalls: { name: string; data: unknown; result: unknown }[] = [];
  readonly preloaded: string[][] = [];
  /** The template ids each subscription prompt asked for. */
  readonly subscribePrompts: string[][] = [];
  private readonly storage = new Map<string, unknown>();
  private simulate!: Simulate;
  private exparser!: Exparser;
  private readonly pages: { route: string; options: Record<string, string>; instance: unknown }[] = [];
  private readonly attached: SimulateComponent[] = [];
  private pendingQuery: { route: string; options: Record<string, string> } | null = null;
  private app: Record<string, unknown> | null = null;
  private readonly dom: JSDOM;
  private readonly onRejection = (reason: unknown) => this.errors.push(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);

  constructor(private readonly options: RendererOptions) {
    for (const [key, value] of Object.entries(options.storage ?? {})) this.storage.set(key, value);
    this.dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true });
  }

  launch(): void {
    const g = globalThis as Record<string, unknown>;
    const win = this.dom.window as unknown as Record<string, unknown>;
    g.window = win;
    g.document = win.document;
    for (const name of ['Event', 'CustomEvent', 'Element', 'HTMLElement', 'Node', 'Text', 'DocumentFragment', 'MutationObserver']) g[name] = win[name];
    process.on('unhandledRejection', this.onRejection);
    // A fresh app each launch, as a phone starting the mini-program has: its own Taro runtime, its
    // own app.js, nothing cached from another person's session.
    jest.resetModules();
    // The last launch's `wx` holds its webpack chunks (wx.webpackJsonp): a new app starts without.
    delete g.wx;

    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after jsdom's globals exist, as it expects
    this.simulate = require('miniprogram-simulate') as Simulate;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the event system j-component draws with (same registry)
    this.exparser = require('miniprogram-exparser') as Exparser;
    const wx = g.wx as Record<string, unknown>;
    const storage = this.storage;
    Object.assign(wx, {
      getStorageSync: (key: string) => (storage.has(key) ? structuredClone(storage.get(key)) : ''),
      setStorageSync: (key: string, value: unknown) => void storage.set(key, structuredClone(value)),
      removeStorageSync: (key: string) => void storage.delete(key),
      getSystemInfoSync: () => ({ platform: 'devtools', SDKVersion: '3.7.0', windowWidth: 390, windowHeight: 844, screenWidth: 390, screenHeight: 844, pixelRatio: 3, fontSizeSetting: 16, language: 'zh_CN', version: '8.0.50', system: 'iOS 17.0', model: 'iPhone 12' }),
      getWindowInfo: () => ({ windowWidth: 390, windowHeight: 844, screenWidth: 390, screenHeight: 844, pixelRatio: 3, statusBarHeight: 47 }),
      getAppBaseInfo: () => ({ SDKVersion: '3.7.0', fontSizeSetting: 16, language: 'zh_CN', version: '8.0.50' }),
      onNeedPrivacyAuthorization: () => undefined,
      createSelectorQuery: () => this.selectorQuery(),
      // The person allows every reminder the prompt offers (a tap asked for it, as WeChat requires).
      requestSubscribeMessage: (options: { tmplIds: string[]; success?: (r: unknown) => void; complete?: () => void }) => {
        const answer = { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(options.tmplIds.map((id) => [id, 'accept'])) };
        this.subscribePrompts.push(options.tmplIds);
        options.success?.(answer);
        options.complete?.();
        return Promise.resolve(answer);
      },
      loadSubpackage: ({ name }: { name: string }) => {
        this.preloaded.push([name]);
        return { onProgressUpdate: () => undefined };
      },
      cloud: {
        init: () => undefined,
        callFunction: async (call: { name: string; data: unknown }) => {
          // The event crosses the network as JSON.
          const answer = await this.options.callFunction({ name: call.name, data: JSON.parse(JSON.stringify(call.data)) as unknown });
          this.cloudCalls.push({ name: call.name, data: call.data, result: answer.result });
          return answer;
        },
      },
    });
    g.__wxConfig = { envVersion: 'develop', platform: 'devtools', accountInfo: { miniProgram: { appId: 'wx-render-test', envVersion: 'develop' } } };
    g.requirePlugin = () => ({});
    g.getApp = () => this.app;
    g.getCurrentPages = () => this.pages.map((p) => p.instance);
    g.App = (config: Record<string, unknown>) => {
      this.app = config;
    };
    g.Page = (config: Record<string, unknown>) => this.registerPage(config);

    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built app, loaded as WeChat loads it
    require(path.join(distDir, 'app.js'));
    if (!this.app) throw new Error('app.js did not call App()');
    // A page that throws while rendering is caught by Taro, which tells the app's onError.
    const app = this.app;
    const onError = app.onError as ((message: string) => void) | undefined;
    app.onError = (message: string) => {
      this.errors.push(`app.onError: ${message}`);
      onError?.call(app, message);
    };
    const launch = this.app.onLaunch as ((options: unknown) => void) | undefined;
    launch?.call(this.app, { path: 'pages/index/index', query: {}, scene: 1001 });
    (this.app.onShow as ((options: unknown) => void) | undefined)?.call(this.app, { path: 'pages/index/index', query: {}, scene: 1001 });
  }

  /** Taro's `Page(config)` as a j-component Component whose attach loads and shows the page. */
  private registerPage(config: Record<string, unknown>): void {
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value;
    const pendingQuery = () => this.pendingQuery;
    const pages = this.pages;
    (globalThis as unknown as { Component: (definition: unknown) => void }).Component({
      data: config.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, unknown>) {
          const opened = pendingQuery() ?? { route: 'unknown', options: {} };
          this.route = opened.route;
          this.options = opened.options;
          pages.push({ ...opened, instance: this });
          (this.onLoad as (query: unknown) => void).call(this, opened.options);
          (this.onShow as (() => void) | undefined)?.call(this);
          (this.onReady as (() => void) | undefined)?.call(this);
        },
        detached(this: Record<string, unknown>) {
          (this.onUnload as (() => void) | undefined)?.call(this);
        },
      },
    });
  }

  /** Renders `route` with its query and attaches it to the document, as opening the page does. */
  async open(route: string, options: Record<string, string> = {}): Promise<RenderedPage> {
    const id = this.simulate.load(path.join(distDir, route), { compiler: 'official', rootPath: distDir });
    this.pendingQuery = { route, options };
    const component = this.simulate.render(id);
    const parent = this.dom.window.document.createElement(`page-${this.pages.length}`);
    this.dom.window.document.body.appendChild(parent);
    component.attach(parent);
    this.attached.push(component);
    this.pendingQuery = null;
    await this.simulate.sleep(0);
    const text = () => (component.dom.textContent ?? '').replace(/\s+/g, ' ').trim();
    const page: RenderedPage = {
      route,
      component,
      text,
      tap: (label) => {
        const nodes = [...component.dom.querySelectorAll('*')].reverse();
        const wanted = nodes.find((node) => {
          const own = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
          return typeof label === 'string' ? own === label : label.test(own);
        });
        if (!wanted) return false;
        this.fire(wanted, 'tap', {});
        return true;
      },
      waitForText: async (expected, timeoutMs = 5000) => {
        const started = Date.now();
        for (;;) {
          const shown = text();
          if (typeof expected === 'string' ? shown.includes(expected) : expected.test(shown)) return;
          if (Date.now() - started > timeoutMs) throw new Error(`${route} does not show ${String(expected)} within ${timeoutMs} ms; it shows: ${shown.slice(0, 600)}`);
          await this.simulate.sleep(25);
        }
      },
    };
    return page;
  }

  /**
   * `wx.createSelectorQuery()` over the drawn pages, chainable as WeChat's: each `select` answers
   * the node's rectangle (jsdom lays nothing out, so a found node measures 0 × 0) or null when no
   * node matches, to the callbacks given and to `exec`'s.
   */
  private selectorQuery() {
    const document = this.dom.window.document;
    const results: unknown[] = [];
    const pending: (() => void)[] = [];
    const query = {
      in: () => query,
      select: (selector: string) => nodesRef(() => document.querySelector(selector)),
      selectAll: (selector: string) => nodesRef(() => [...document.querySelectorAll(selector)]),
      selectViewport: () => nodesRef(() => document.body),
      exec: (callback?: (res: unknown[]) => void) => {
        setTimeout(() => {
          pending.forEach((run) => run());
          callback?.(results);
        }, 0);
      },
    };
    const rectOf = (node: Element | null) => (node ? { id: node.id, left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0, dataset: {} } : null);
    const nodesRef = (find: () => Element | Element[] | null) => {
      const answer = (callback?: (res: unknown) => void) => {
        const index = results.length;
        results.push(null);
        pending.push(() => {
          const found = find();
          results[index] = Array.isArray(found) ? found.map(rectOf) : rectOf(found);
          callback?.(results[index]);
        });
        return query;
      };
      return { boundingClientRect: answer, fields: (_fields: unknown, callback?: (res: unknown) => void) => answer(callback), scrollOffset: answer, node: answer };
    };
    return query;
  }

  /**
   * An event on a drawn node as WeChat delivers it: through the component system's own event
   * (it bubbles to the node whose template binds it, `bindtap="eh"` in Taro's), as j-component does.
   */
  private fire(node: Element, name: string, detail: unknown): void {
    const original = new this.dom.window.CustomEvent(name, { detail });
    node.dispatchEvent(original);
    const target = (node as unknown as { __wxElement?: unknown }).__wxElement;
    if (!target) throw new Error(`<${node.tagName.toLowerCase()}> is not a node WeChat drew`);
    this.exparser.Event.dispatchEvent(target, this.exparser.Event.create(name, detail, { originalEvent: original, bubbles: true, capturePhase: true, composed: true, extraFields: { touches: {}, changedTouches: {} } }));
  }

  /** Closes every open page (its onUnload: a countdown's interval stops) and the window. */
  dispose(): void {
    for (const component of this.attached.splice(0)) component.detach();
    process.off('unhandledRejection', this.onRejection);
    // jsdom's timers (its animation frames) would keep the test process alive.
    this.dom.window.close();
  }
}
