import { mayRead, type FileCopy, type Relation } from '../../../src/core/application/file-access';
import { Role } from '../../../src/core/people/person';

describe('mayRead: every role × relation × copy', () => {
  const allowed = new Set([
    'applicant owner original',
    'applicant owner blind',
    'unit_admin in_scope original',
    'unit_admin in_scope blind',
    'county_hr in_scope original',
    'county_hr in_scope blind',
    'prefecture_hr in_scope original',
    'prefecture_hr in_scope blind',
    'county_agency in_scope original',
    'county_agency in_scope blind',
    'prefecture_agency in_scope original',
    'prefecture_agency in_scope blind',
    'committee_secretary in_scope blind',
    'expert in_scope blind',
  ]);
  const rows = Role.options.flatMap((role) =>
    (['owner', 'in_scope', 'out_of_scope'] as Relation[]).flatMap((relation) => (['original', 'blind'] as FileCopy[]).map((copy) => [role, relation, copy] as const)),
  );

  it.each(rows)('%s %s %s', (role, relation, copy) => {
    expect(mayRead(role, relation, copy)).toBe(allowed.has(`${role} ${relation} ${copy}`));
  });

  it('never lets an expert read an original, in any relation', () => {
    for (const relation of ['owner', 'in_scope', 'out_of_scope'] as Relation[]) expect(mayRead('expert', relation, 'original')).toBe(false);
  });
});
