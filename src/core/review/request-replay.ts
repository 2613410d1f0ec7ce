import type { ApplicationEvent } from '../application/application.schema';

/**
 * What a request id says of an act on an application: not seen (`new`), the same act again (a
 * double tap, a retry after a lost reply: answer it as done), or an id an earlier act of another
 * kind already used (`reused`: refused, never a silent success that did nothing).
 */
export type Replay = 'new' | 'repeat' | 'reused';

export function replayOf(events: readonly Pick<ApplicationEvent, 'kind' | 'requestId'>[], requestId: string, command: ApplicationEvent['kind']): Replay {
  const earlier = events.find((e) => e.requestId === requestId);
  if (!earlier) return 'new';
  return earlier.kind === command ? 'repeat' : 'reused';
}
