import { unitDecidedNotice } from '../../core/messages/unit-notice';
import { people, units } from '../people.repo';
import { approvesUnit } from '../../core/people/unit-approval';
import { UNIT_REFUSAL } from '../../core/people/refusal-texts';
import type { Random } from '../ports/random.port';
import type { DecidedUnitView, MyUnitView, PendingUnitView } from '../../core/contracts/api';
import { appError } from '../../core/errors';
import { INVITE_PAGE, inviteScene } from '../../core/people/invite-scene';
import { INVITE_ALPHABET, INVITE_CODE_LENGTH, isInviteCode, normaliseInviteCode, Person, Unit } from '../../core/people/person';
import { joinTriesLeft, wrongTry } from '../units/join-tries';
import { err, ok } from '../../core/result';
import { unitsContract } from '../../core/contracts/functions/units.contract';
import { defineFunction } from '../function';
import type { Store } from '../ports/store.port';

/**
 * `units`: employers (用人单位) as the review chain needs them. A unit's admin registers it; the HR
 * bureau of its level approves it (county units: the county's, prefecture units: the
 * prefecture's); approved, it has an invite code its staff join with. Who reviews what follows
 * from the unit an application is submitted through.
 */
export const unitsFunction = defineFunction('units', unitsContract, {
  register: {
    roles: ['applicant'],
    async handle({ name, level, kind, county, creditCode, contactName, contactPhone }, ctx) {
      const { caller, store, writes, now, random } = ctx;
      if (caller.unitId) return err(appError('REQUEST.INVALID_PAYLOAD', [UNIT_REFUSAL.hasUnit], UNIT_REFUSAL.hasUnit));
      if (level === 'county' && !county) return err(appError('REQUEST.INVALID_PAYLOAD', [UNIT_REFUSAL.countyNeeded.detail], UNIT_REFUSAL.countyNeeded.message));
      const waiting = await registrationOf(store, caller);
      if (waiting && waiting.status === 'pending') return err(appError('REQUEST.INVALID_PAYLOAD', [UNIT_REFUSAL.waiting(waiting.name)], UNIT_REFUSAL.waiting(waiting.name)));
      // One unit per code: a second registration of the same unit is its staff's to join, not to register again.
      const same = (await units.find(store, { where: [{ field: 'creditCode', op: 'eq', value: creditCode }], limit: 20 })).find((u) => u.record.status !== 'rejected');
      if (same) return err(appError('REQUEST.INVALID_PAYLOAD', [UNIT_REFUSAL.codeTaken(same.record.name)], UNIT_REFUSAL.codeTaken(same.record.name)));
      const unit: Unit = {
        _id: `unit-${random.id()}`,
        name,
        level,
        prefecture: caller.prefecture,
        county: level === 'county' ? county : null,
        kind,
        creditCode,
        contact: { name: contactName, phone: contactPhone },
        status: 'pending',
        inviteCode: null,
        registeredBy: caller._id,
        registeredAt: now.toISOString(),
        rejectReason: null,
        inviteImage: null,
        decided: null,
      };
      units.insert(writes, unit._id, unit);
      return ok(view(unit, 'registrant'));
    },
  },
  mine: {
    roles: ['applicant', 'unit_admin'],
    async handle(_payload, { caller, store }) {
      if (caller.unitId) {
        const found = await units.get(store, caller.unitId);
        return ok(found ? view(found.record, caller.role === 'unit_admin' ? 'admin' : 'member') : null);
      }
      const waiting = await registrationOf(store, caller);
      return ok(waiting ? view(waiting, 'registrant') : null);
    },
  },
  pending: {
    roles: ['county_hr', 'prefecture_hr'],
    async handle(_payload, { caller, store }) {
      return ok(await pendingFor(store, caller));
    },
  },
  decided: {
    roles: ['county_hr', 'prefecture_hr'],
    async handle(_payload, { caller, store }) {
      const found = await units.find(store, {
        where: [{ field: 'status', op: 'in', values: ['approved', 'rejected'] }, { field: 'prefecture', op: 'eq', value: caller.prefecture }],
        orderBy: [{ field: 'decided.at', direction: 'desc' }],
        limit: 100,
      });
      const views: DecidedUnitView[] = [];
      for (const unit of found.map((u) => u.record).filter((u) => u.decided && approvesUnit(caller, u))) {
        const registrant = unit.registeredBy ? await people.get(store, unit.registeredBy) : null;
        views.push({ ...unitRequestView(unit, registrant?.record.name ?? ''), approved: unit.status === 'approved', rejectReason: unit.rejectReason, decidedBy: unit.decided!.byName, decidedAt: unit.decided!.at });
      }
      return ok(views);
    },
  },
  decide: {
    roles: ['county_hr', 'prefecture_hr'],
    async handle({ unitId, approve, reason }, ctx) {
      const { caller, store, writes } = ctx;
      const found = await units.get(store, unitId);
      const unit = found?.record;
      if (!found || !unit || !approvesUnit(caller, unit)) return err(appError('NOT_FOUND', [UNIT_REFUSAL.noSuchPending]));
      if (unit.status !== 'pending') return err(appError('REVIEW.WRONG_STATUS', [UNIT_REFUSAL.decided]));
      const registrant = unit.registeredBy ? await people.get(store, unit.registeredBy) : null;
      if (!registrant) return err(appError('NOT_FOUND', [UNIT_REFUSAL.registrantGone]));
      if (!approve && reason === '') return err(appError('REQUEST.INVALID_PAYLOAD', [UNIT_REFUSAL.reasonNeeded.detail], UNIT_REFUSAL.reasonNeeded.message));
      const decided = { approve, by: caller._id, byName: caller.name, at: ctx.now.toISOString() };
      if (approve) {
        const inviteCode = await freshInviteCode(store, ctx.random);
        units.update(writes, found, { status: 'approved', inviteCode, decided });
        // The registrant becomes the unit's admin, in the same commit.
        people.update(writes, registrant, { role: 'unit_admin', unitId: unit._id });
      } else {
        units.update(writes, found, { status: 'rejected', rejectReason: reason, decided });
      }
      ctx.notify(unitDecidedNotice({ id: unit._id, name: unit.name }, registrant.id, approve ? { approve } : { approve, reason }));
      return ok((await pendingFor(store, caller)).filter((u) => u.unitId !== unit._id));
    },
  },
  inviteImage: {
    roles: ['unit_admin'],
    /**
     * The invite code as a mini-program code that opens 我的单位 with the code filled in. Made once
     * per code and kept in storage (WeChat's getUnlimited has a daily quota); a new code, a new image.
     */
    async handle(_payload, { caller, store, files, made, codes, writes }) {
      const found = caller.unitId ? await units.get(store, caller.unitId) : null;
      const unit = found?.record;
      if (!found || !unit || unit.status !== 'approved' || !unit.inviteCode) return err(appError('NOT_FOUND', [UNIT_REFUSAL.noInviteCode]));
      const kept = unit.inviteImage?.inviteCode === unit.inviteCode ? await files.url(unit.inviteImage.ref, URL_SECONDS) : null;
      if (kept) return ok({ url: kept, inviteCode: unit.inviteCode });
      // Asked of WeChat once per call: a commit that meets a concurrent change keeps the image made.
      const inviteCode = unit.inviteCode;
      const image = await made.once(`invite:${unit._id}:${inviteCode}`, async () => {
        const code = await codes.unlimited({ scene: inviteScene(inviteCode), page: INVITE_PAGE });
        if (!code.ok) return code;
        const extension = code.value.contentType === 'image/png' ? 'png' : 'jpg';
        return ok(await made.put(`invite-codes/${unit._id}-${inviteCode}.${extension}`, code.value.bytes, code.value.contentType));
      });
      if (!image.ok) return err(appError('UNIT.CODE_IMAGE_FAILED', [image.error.cause]));
      const ref = image.value;
      units.update(writes, found, { inviteImage: { inviteCode: unit.inviteCode, ref } });
      const url = await files.url(ref, URL_SECONDS);
      if (!url) return err(appError('UNIT.CODE_IMAGE_FAILED', ['stored code image has no URL']));
      return ok({ url, inviteCode: unit.inviteCode });
    },
  },
  join: {
    roles: ['applicant'],
    async handle({ inviteCode }, { caller, store, writes, now, commitNow }) {
      const code = normaliseInviteCode(inviteCode);
      const shape = UNIT_REFUSAL.codeShape;
      if (!isInviteCode(code)) return err(appError('REQUEST.INVALID_PAYLOAD', [shape], shape));
      // Wrong codes are counted, and past the limit none is looked up: guessing one is hopeless.
      const tries = await joinTriesLeft(store, caller._id, now);
      if (tries.blocked) return err(appError('UNIT.TOO_MANY_TRIES', [UNIT_REFUSAL.waitMinutes(tries.waitMinutes)]));
      const [found] = await units.find(store, { where: [{ field: 'inviteCode', op: 'eq', value: code }], limit: 1 });
      const unit = found?.record ?? null;
      if (!unit || unit.status !== 'approved') {
        const counted = await commitNow([wrongTry(caller._id, tries, now)]);
        if (!counted.ok) return err(appError('SYSTEM.BUSY'));
        const left = tries.left - 1;
        const message = UNIT_REFUSAL.wrongCode(left);
        return err(appError('NOT_FOUND', [message], message));
      }
      if (caller.unitId === unit._id) return ok(view(unit, 'member'));
      if (caller.unitId) return err(appError('REQUEST.INVALID_PAYLOAD', [UNIT_REFUSAL.inAnotherUnit.detail], UNIT_REFUSAL.inAnotherUnit.message));
      const me = await people.get(store, caller._id);
      if (!me) return err(appError('AUTH.UNKNOWN_PERSON'));
      people.update(writes, me, { unitId: unit._id, prefecture: unit.prefecture, county: unit.county });
      return ok(view(unit, 'member'));
    },
  },
  renewInviteCode: {
    roles: ['unit_admin'],
    /** A new invite code for the admin's unit: the old code and its mini-program code stop working at once (a code that leaked). */
    async handle(_payload, { caller, store, writes, random }) {
      const found = caller.unitId ? await units.get(store, caller.unitId) : null;
      const unit = found?.record;
      if (!found || !unit || unit.status !== 'approved' || !unit.inviteCode) return err(appError('NOT_FOUND', [UNIT_REFUSAL.noInviteCode]));
      const inviteCode = await freshInviteCode(store, random);
      units.update(writes, found, { inviteCode, inviteImage: null });
      return ok(view({ ...unit, inviteCode, inviteImage: null }, 'admin'));
    },
  },
});

/** How long the image's address lasts: long enough to look at, save and forward it. */
const URL_SECONDS = 3600;

function view(unit: Unit, relation: MyUnitView['relation']): MyUnitView {
  return {
    unitId: unit._id,
    name: unit.name,
    level: unit.level,
    status: unit.status,
    inviteCode: relation === 'admin' ? unit.inviteCode : null,
    rejectReason: unit.rejectReason,
    relation,
  };
}

/** The registration of this person's that waits, else their latest one, if any. */
async function registrationOf(store: Pick<Store, 'find'>, person: Person): Promise<Unit | null> {
  const registered = (await units.find(store, { where: [{ field: 'registeredBy', op: 'eq', value: person._id }], orderBy: [{ field: 'registeredAt', direction: 'desc' }], limit: 20 })).map((u) => u.record);
  return registered.find((u) => u.status === 'pending') ?? registered[0] ?? null;
}

async function pendingFor(store: Pick<Store, 'find' | 'get'>, caller: Person): Promise<PendingUnitView[]> {
  const pending = await units.find(store, { where: [{ field: 'status', op: 'eq', value: 'pending' }, { field: 'prefecture', op: 'eq', value: caller.prefecture }], limit: 200 });
  const views: PendingUnitView[] = [];
  for (const unit of pending.map((u) => u.record).filter((u) => approvesUnit(caller, u))) {
    const registrant = unit.registeredBy ? await people.get(store, unit.registeredBy) : null;
    views.push(unitRequestView(unit, registrant?.record.name ?? ''));
  }
  return views;
}

function unitRequestView(unit: Unit, registrantName: string): PendingUnitView {
  return { unitId: unit._id, name: unit.name, level: unit.level, kind: unit.kind, county: unit.county, registrantName, creditCode: unit.creditCode, contact: unit.contact };
}

/** A code no approved unit has (ten characters: about 10¹⁵ codes, so a retry is rare). */
async function freshInviteCode(store: Pick<Store, 'find'>, random: Random): Promise<string> {
  for (;;) {
    const code = Array.from({ length: INVITE_CODE_LENGTH }, () => INVITE_ALPHABET[random.int(INVITE_ALPHABET.length)]).join('');
    const [taken] = await units.find(store, { where: [{ field: 'inviteCode', op: 'eq', value: code }], limit: 1 });
    if (!taken) return code;
  }
}
