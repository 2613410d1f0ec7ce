import { appError } from '../../core/errors';
import { people, units } from '../people.repo';
import { ACCOUNT_REFUSAL } from '../../core/people/refusal-texts';
import { countiesOf, prefectures } from '../../core/config/counties';
import type { MeView } from '../../core/contracts/api';
import { sha256Hex } from '../../core/hash/sha256';
import { Person, Role, roleLabels, Unit } from '../../core/people/person';
import { err, ok } from '../../core/result';
import { accountContract } from '../../core/contracts/functions/account.contract';
import { defineFunction } from '../function';
import { loadRound } from '../rounds.repo';
import { applications } from '../applications/applications.repo';
import type { Store } from '../ports/store.port';
import { LEVEL_LABELS } from '../../core/eligibility/labels';

/** `account`: who the caller is, as the platform identifies them; a newcomer registers here. */
export const accountFunction = defineFunction('account', accountContract, {
  register: {
    roles: ['applicant'],
    newcomers: true,
    async handle({ name, prefecture, county }, { caller, writes, now }) {
      if (caller._id !== '') return err(appError('REQUEST.INVALID_PAYLOAD', [ACCOUNT_REFUSAL.registered.detail], ACCOUNT_REFUSAL.registered.message));
      const places = prefectures().includes(prefecture) ? countiesOf(prefecture) : null;
      if (!places) return err(appError('REQUEST.INVALID_PAYLOAD', [ACCOUNT_REFUSAL.choosePrefecture.detail], ACCOUNT_REFUSAL.choosePrefecture.message));
      if (county !== null && !places.includes(county)) return err(appError('REQUEST.INVALID_PAYLOAD', [ACCOUNT_REFUSAL.chooseCounty.detail], ACCOUNT_REFUSAL.chooseCounty.message));
      // The person's id follows from the OPENID: registering twice at once is one person.
      const person: Person = { _id: `person-${sha256Hex(new TextEncoder().encode(caller.openid)).slice(0, 20)}`, openid: caller.openid, name, role: 'applicant', unitId: null, prefecture, county };
      people.insert(writes, person._id, person);
      return ok(meView(person, null, now, [], []));
    },
  },
  me: {
    roles: Role.options,
    async handle(_payload, { caller, store, now }) {
      let unit: Unit | null = null;
      if (caller.unitId) {
        const found = await units.get(store, caller.unitId);
        if (!found) return err(appError('NOT_FOUND', [ACCOUNT_REFUSAL.unitMissing]));
        unit = found.record;
      }
      const committeeRounds: { id: string; title: string }[] = [];
      for (const id of caller.rounds ?? []) {
        const round = await loadRound(store, id);
        if (round) committeeRounds.push({ id, title: round.title });
      }
      return ok(meView(caller, unit, now, committeeRounds, caller.role === 'applicant' ? await returnedOf(store, caller._id) : []));
    },
  },
});

/** The person's returned applications, the soonest deadline first. */
async function returnedOf(store: Pick<Store, 'find'>, personId: string): Promise<MeView['returned']> {
  const mine = await applications.find(store, { where: [{ field: 'personId', op: 'eq', value: personId }], orderBy: [{ field: 'createdAt', direction: 'desc' }], limit: 20 });
  return mine
    .filter((a) => a.record.status === 'returned')
    .map(({ id, record }) => ({ applicationId: id, level: LEVEL_LABELS[record.level], deadline: record.returnDeadline }))
    .sort((a, b) => (a.deadline ?? '9').localeCompare(b.deadline ?? '9'));
}

function meView(person: Person, unit: Unit | null, now: Date, committeeRounds: MeView['committeeRounds'], returned: MeView['returned']): MeView {
  return {
    personId: person._id,
    name: person.name,
    role: person.role,
    roleLabel: roleLabels[person.role],
    unitName: unit?.name ?? null,
    unitKind: unit?.kind ?? null,
    unitLevel: unit?.level ?? null,
    prefecture: person.prefecture,
    county: person.county,
    serverTime: now.toISOString(),
    committeeRounds,
    returned,
  };
}
