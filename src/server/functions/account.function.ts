import { appError } from '../../core/errors';
import { Role, roleLabels, Unit } from '../../core/people/person';
import { err, ok } from '../../core/result';
import { collections } from '../collections';
import { parseDoc } from '../docs';
import { defineFunction } from '../function';

/** `account`: who the caller is, as the platform identifies them. */
export const accountFunction = defineFunction('account', {
  me: {
    roles: Role.options,
    async handle(_payload, { caller, store, now }) {
      let unit: Unit | null = null;
      if (caller.unitId) {
        const doc = await store.get(collections.units.name, caller.unitId);
        if (!doc) return err(appError('NOT_FOUND', ['所在单位的登记信息缺失，请联系单位管理员']));
        unit = parseDoc(Unit, doc);
      }
      return ok({
        personId: caller._id,
        name: caller.name,
        role: caller.role,
        roleLabel: roleLabels[caller.role],
        unitName: unit?.name ?? null,
        unitKind: unit?.kind ?? null,
        unitLevel: unit?.level ?? null,
        prefecture: caller.prefecture,
        county: caller.county,
        serverTime: now.toISOString(),
      });
    },
  },
});
