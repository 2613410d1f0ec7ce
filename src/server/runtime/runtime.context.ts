import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DiskFileStore } from '../adapters/local/disk.files';
import type { RecordingMessenger } from '../adapters/local/recording.messenger';
import type { Deps, FunctionDef } from '../function';
import type { Clock } from '../ports/clock.port';
import type { DevClock } from './dev-clock';

/** What every route family of the local runtime works with; made once by `startRuntime`. */
export interface RuntimeContext {
  readonly deps: Deps & { readonly files: DiskFileStore; readonly messenger: RecordingMessenger };
  readonly functions: Readonly<Record<string, FunctionDef>>;
  /** Signs dev sessions and file URLs; one per data folder. */
  readonly secret: Buffer;
  /** Real time, for session expiry: moving the dev clock must not sign everyone out. */
  readonly wallClock: Clock;
  /** The business clock in dev mode (settable from the dev console); `deps.clock` is the same one. */
  readonly devClock: DevClock;
  /** Dev login, the dev console and the settable clock exist only in dev mode. */
  readonly devMode: boolean;
  readonly staticDir?: string;
}

/** A request whose target has been parsed and percent-decoded safely. */
export interface RouteRequest {
  readonly raw: IncomingMessage;
  readonly path: string;
  readonly query: URLSearchParams;
}

/** A route family: answers the request and returns true, or returns false when it is not its path. */
export type RouteFamily = (request: RouteRequest, response: ServerResponse, ctx: RuntimeContext) => Promise<boolean>;
