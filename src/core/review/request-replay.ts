import type { ApplicationEvent } from '../application/application.schema';

/**
 * What a request id says of an act on an application: not seen (`new`), the same act again (a
 * double tap, a retry after a lost reply: answer it as done), or an id an earlier act of another
 * kind, or with other words, already used (`reused`: refused, never a silent success that did nothing).
 */
export type Replay = 'new' | 'repeat' | 'reused';

/**
 * `said`: what the act says besides its command (a return's reasons, an approval's opinion); the
 * same id with other words is another act too.
 */
export function replayOf(
  events: readonly (Pick<ApplicationEvent, 'kind' | 'requestId'> & Partial<Pick<ApplicationEvent, 'reasons' | 'opinion'>>)[],
  requestId: string,
  command: ApplicationEvent['kind'],
  said: { readonly reasons?: readonly ApplicationEvent['reasons'][number][]; readonly opinion?: string } = {},
): Replay {
  const earlier = events.find((e) => e.requestId === requestId);
  if (!earlier) return 'new';
  if (earlier.kind !== command) return 'reused';
  if (said.reasons !== undefined && JSON.stringify(earlier.reasons ?? []) !== JSON.stringify(said.reasons)) return 'reused';
  if (said.opinion !== undefined && (earlier.opinion ?? '') !== said.opinion) return 'reused';
  return 'repeat';
}
