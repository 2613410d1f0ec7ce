import { expertMayRead, expertsSee, markedNever, mayRead, type FileCopy, type Relation } from '../../../src/core/application/file-access';
import { allParsedRounds } from '../eligibility/rounds.fixture';
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

/**
 * The expert's rows, every material category of the five rounds × copy (issue 25, item 5): the
 * blind copy of what the round lets experts see, never an original, and nothing at all of what
 * exists to carry identity — the ID card, the photo, the signed statements, the unit's papers and
 * the forms the product fills with the name and ID number.
 */
describe('what experts may read, by material category', () => {
  const IDENTITY = [
    ...['id_card', 'photo', 'personal_commitment', 'authenticity_guarantee', 'unit_publicity', 'unit_publicity_result', 'unit_recommendation', 'ce_exemption_form', 'integrity_certificate'],
    // Their paper counterparts (handed in after formal review; listed here all the same).
    ...['paper_id_card_copy', 'paper_commitment', 'paper_commitments', 'paper_publicity', 'paper_publicity_recommendation', 'paper_roster'],
  ];
  const rows = allParsedRounds.flatMap((round) => round.materials.categories.flatMap((c) => (['original', 'blind'] as FileCopy[]).map((copy) => [round.id, c.code, copy] as const)));

  it.each(rows)('%s %s %s', (roundId, code, copy) => {
    const round = allParsedRounds.find((r) => r.id === roundId)!;
    expect(expertMayRead(round, code, copy)).toBe(copy === 'blind' && !IDENTITY.includes(code));
  });

  it('covers every identity category the rounds hold, and refuses a category a round does not list', () => {
    const held = new Set(allParsedRounds.flatMap((r) => r.materials.categories.map((c) => c.code)).filter((c) => IDENTITY.includes(c)));
    expect([...held].sort()).toEqual([...IDENTITY].sort());
    const water = allParsedRounds.find((r) => r.id === 'aksu-water-2024')!;
    expect(expertsSee(water, 'no_such_category')).toBe('never');
    expect(markedNever(water, 'personal_commitment')).toBe(true);
    expect(markedNever(water, 'work_summary')).toBe(false);
  });
});
