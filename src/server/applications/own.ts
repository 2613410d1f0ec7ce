import { suggestMasks } from '../masking/suggest';
import { units } from '../people.repo';
import type { TextReader } from '../ports/ocr.port';
import { type FindingKind } from '../../core/masking/identity-finder';
import { applications, loadFor } from './applications.repo';
import { AttachedFile, ApplicationRecord, UnitSnapshot } from '../../core/application/application.schema';
import type { LintContext } from '../../core/application/text-lint';
import { type AppError } from '../../core/errors';
import { Person } from '../../core/people/person';
import type { Round } from '../../core/round/round.schema';
import { type Logger, type StagedWrites } from '../function';
import type { Store } from '../ports/store.port';
import { type ReviewRoute } from '../../core/review/route';
import { lintContextOf } from './application.view';

/**
 * The applicant's own application, loaded with its round and what its texts are linted against
 * (another person's is answered as missing), and the helpers its edits share.
 */
export type Owned =
  | { readonly ok: true; readonly rev: number; readonly record: ApplicationRecord; readonly round: Round; readonly context: LintContext }
  | { readonly ok: false; readonly error: AppError };

/** The caller's own application and its round, with what its texts are linted against; another person's is answered as missing. */
export async function loadOwn(store: Pick<Store, 'get'>, caller: Person, id: string): Promise<Owned> {
  const loaded = await loadFor(store, caller, id, 'own');
  return loaded.ok ? { ...loaded, context: await lintContextOf(store, caller, loaded.round) } : loaded;
}

/** Writes the record's files back, at the revision read (a concurrent change is a conflict, not an overwrite). */
export function saveFiles(writes: StagedWrites, id: string, rev: number, files: readonly AttachedFile[]): void {
  applications.update(writes, { id, rev }, { files: [...files] });
}

/** The applicant's unit now, with the route the round's chain gives the application's channel. */
export async function unitOf(store: Pick<Store, 'get'>, person: Person, route: ReviewRoute): Promise<UnitSnapshot | null> {
  if (!person.unitId) return null;
  const unit = (await units.get(store, person.unitId))?.record;
  if (!unit) return null;
  return { unitId: unit._id, name: unit.name, level: unit.level, prefecture: unit.prefecture, county: unit.county, route };
}

/** Who the photos must not show: the applicant's name, ID number and unit, from the application and the account. */
export function identityOf(record: ApplicationRecord, context: LintContext) {
  return { name: record.applicantName || context.ownName, idNumber: record.idNumber, unitName: record.unit?.name ?? context.unitName };
}

/**
 * What experts would still see on a blind copy, by kind; null when it could not be read (the save
 * goes on: the applicant is told the check did not run, not that the copy is clean).
 */
export async function visibleOn(ocr: TextReader, blind: Uint8Array, who: ReturnType<typeof identityOf>, log: Logger): Promise<Exclude<FindingKind, 'eyes'>[] | null> {
  try {
    // The eyes are estimated, not read: nothing to check on the copy.
    return [...new Set((await suggestMasks(ocr, blind, who)).map((f) => f.kind).filter((k): k is Exclude<FindingKind, 'eyes'> => k !== 'eyes'))];
  } catch (error) {
    log.warn(`the blind copy could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
