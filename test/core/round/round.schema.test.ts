import aksuWater from '../../../config/rounds/aksu-water-2024.json';
import yuli from '../../../config/rounds/yuli-initial-junior-2024.json';
import { formatPath, parseRound, parseRounds } from '../../../src/core/round/round.loader';

/**
 * Broken round data is rejected, and every error line starts with the path of the bad value so a
 * maintainer can find it. Each case starts from a valid round file and breaks one thing.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Index of aksu-water's continuing-education certificates among its material categories. */
const WATER_CE = aksuWater.materials.categories.findIndex((c) => c.code === 'continuing_education');

describe('parseRound', () => {
  it('accepts the untouched fixtures (so each failure below comes from its own mutation)', () => {
    expect(errorsOf(validWater())).toEqual([]);
    expect(errorsOf(validYuli())).toEqual([]);
  });

  it.each<[string, (r: Json) => void, string, RegExp]>([
    [
      'rejects a window that ends before it starts',
      (r) => { r.windows[1].end.at = '2024-07-31T23:59:59+08:00'; },
      'windows[1].end.at',
      /ends \(2024-07-31T23:59:59\+08:00\) before it starts \(2024-08-01T00:00:00\+08:00\)/,
    ],
    [
      'rejects a choice whose self-check answer names no option',
      (r) => { r.materials.categories.find((c: Json) => c.code === 'village_work_this_year').choices.fromAnswer.yes = '参加'; },
      `materials.categories[${aksuWater.materials.categories.findIndex((c) => c.code === 'village_work_this_year')}].choices.fromAnswer`,
      /"参加" is not one of the options/,
    ],
    [
      'rejects choices on an uploaded material',
      (r) => { r.materials.categories[0].choices = { options: ['是', '否'] }; },
      'materials.categories[0].choices',
      /choices are for an online field without a record/,
    ],
    [
      'rejects a form filled with the applicant’s identity that experts could see',
      (r) => { delete r.materials.categories.find((c: Json) => c.code === 'personal_commitment').experts; },
      `materials.categories[${aksuWater.materials.categories.findIndex((c) => c.code === 'personal_commitment')}].experts`,
      /filled from a template or provided by the unit carries identity: set experts "never"/,
    ],
    [
      'rejects a unit’s paper that experts could see',
      (r) => { r.materials.categories.find((c: Json) => c.code === 'unit_publicity_result').experts = 'blind'; },
      `materials.categories[${aksuWater.materials.categories.findIndex((c) => c.code === 'unit_publicity_result')}].experts`,
      /carries identity/,
    ],
    [
      'rejects a fee for a level the round does not offer',
      (r) => { r.fees.items.push({ levels: ['senior'], way: 'evaluation', amountYuan: 900, source: src() }); },
      'fees.items[3].levels[0]',
      /fee for senior by evaluation, which this round does not offer/,
    ],
    [
      'rejects a fee for a way the round does not offer',
      (r) => { r.fees.items[0].way = 'grant'; },
      'fees.items[0].levels[0]',
      /fee for deputy_senior by grant/,
    ],
    [
      'rejects a rule without its source',
      (r) => { delete r.windows[0].source; },
      'windows[0].source',
      /./,
    ],
    [
      'rejects a source without a clause',
      (r) => { delete r.fees.items[0].source.clause; },
      'fees.items[0].source.clause',
      /./,
    ],
    [
      'rejects an unknown key',
      (r) => { r.windows[0].deadline = '2024-08-30'; },
      'windows[0]',
      /deadline/,
    ],
    [
      'rejects an unknown key at the top level',
      (r) => { r.remark = '备注'; },
      '(root)',
      /remark/,
    ],
    [
      'rejects an instant without the +08:00 offset',
      (r) => { r.windows[0].end.at = '2024-08-30T10:00:00Z'; },
      'windows[0].end.at',
      /YYYY-MM-DDTHH:mm:ss\+08:00/,
    ],
    [
      'rejects an impossible date',
      (r) => { r.windows[1].end.at = '2024-09-31T23:59:59+08:00'; },
      'windows[1].end.at',
      /not a real calendar date/,
    ],
    [
      'rejects a day-only end that is not the last second of the day',
      (r) => { r.windows[1].end.at = '2024-09-10T18:00:00+08:00'; },
      'windows[1].end.at',
      /must be 23:59:59\+08:00/,
    ],
    [
      'rejects a source citing another notice',
      (r) => { r.defense.slotMinutes.source.file = 'bazhou-ecoenv-2024.txt'; },
      'defense.slotMinutes.source.file',
      /cites bazhou-ecoenv-2024.txt but this round's notice is aksu-water-2024.txt/,
    ],
    [
      'rejects duplicate window ids',
      (r) => { r.windows[2].id = 'apply'; },
      'windows[2].id',
      /duplicate id "apply"/,
    ],
    [
      'rejects a reference to an external rule that does not exist',
      (r) => { r.defense.externalExemptions = 'no_such_rule'; },
      'defense.externalExemptions',
      /unknown externalRules id "no_such_rule"/,
    ],
    [
      'rejects a fee deadline pointing at a window that is not a fee window',
      (r) => { r.fees.payment[0].deadlineWindow = 'review'; },
      'fees.payment[0].deadlineWindow',
      /is a review window, not fee_payment/,
    ],
    [
      'rejects an offered level with no title name',
      (r) => { r.offers[0].levels.push('senior'); },
      'offers[0].levels[3]',
      /no title name for senior/,
    ],
    [
      'rejects an offer in a channel the round does not describe',
      (r) => { r.offers[1].channel = 'general'; },
      'offers[1].channel',
      /channel general has no entry in channels/,
    ],
    [
      'rejects a selector naming an unknown specialty',
      (r) => { r.defense.required[0].who.specialties = ['engineering.waterr']; },
      'defense.required[0].who.specialties[0]',
      /unknown specialty code "engineering.waterr"/,
    ],
    [
      'rejects a year range that runs backwards',
      (r) => { r.continuingEducation.requirements[0].publicYears = { kind: 'range', from: 2024, to: 2021 }; },
      'continuingEducation.requirements[0].publicYears.to',
      /ends \(2021\) before it starts \(2024\)/,
    ],
    [
      'rejects an id whose year differs from the round year',
      (r) => { r.year = 2025; },
      'id',
      /must end with the round year -2025/,
    ],
    [
      'rejects a fee that is not a whole number of yuan',
      (r) => { r.fees.items[0].amountYuan = 700.5; },
      'fees.items[0].amountYuan',
      /./,
    ],
    [
      'rejects an unknown level code',
      (r) => { r.offers[0].levels[0] = 'senior_engineer'; },
      'offers[0].levels[0]',
      /./,
    ],
    [
      'rejects a material rule about a material the round does not list',
      (r) => { r.materials.rules[1].categories = ['practice_ability', 'results']; },
      'materials.rules[1].categories[1]',
      /unknown material code "results"/,
    ],
    [
      'rejects a bridge series code the round has no series for',
      (r) => { r.highSkillBridges[0].seriesScope.series = ['engineering', 'agriculture']; },
      'highSkillBridges[0].seriesScope.series[1]',
      /unknown series code "agriculture"/,
    ],
    [
      'rejects a material waived by an id that is not one of the round’s exemptions',
      (r) => { r.materials.categories[WATER_CE].waivedBy = ['village_work_by_form', 'private_enterprise_first_time', 'village_work']; },
      `materials.categories[${WATER_CE}].waivedBy[2]`,
      /unknown continuingEducation.exemptions id "village_work"/,
    ],
    [
      'rejects an exemption that no material names in waivedBy',
      (r) => { r.materials.categories[WATER_CE].waivedBy = ['private_enterprise_first_time']; },
      'continuingEducation.exemptions[1].id',
      /exemption "village_work_by_form" waives no material/,
    ],
  ])('%s', (_name, breakIt, path, message) => {
    const errors = errorsOf(mutate(validWater(), breakIt));
    const atPath = errors.filter((e) => e.startsWith(`${path}: `));
    expect(atPath.length > 0 ? atPath : errors).toEqual([expect.stringMatching(message)]);
  });

  it('rejects a specialty whose code is not under its series', () => {
    const errors = errorsOf(mutate(validYuli(), (r) => { r.specialties[0].series = 'agriculture'; }));
    expect(errors).toContainEqual(expect.stringMatching(/^specialties\[0\]\.code: specialty code "engineering.petroleum" must start with its series "agriculture\."/));
  });

  it('reports every problem at once, not only the first', () => {
    const errors = errorsOf(
      mutate(validWater(), (r) => {
        r.windows[1].end.at = '2024-07-31T23:59:59+08:00';
        r.windows[2].id = 'apply';
      }),
    );
    expect(errors.map((e) => e.split(':')[0])).toEqual(expect.arrayContaining(['windows[1].end.at', 'windows[2].id']));
  });
});

describe('parseRounds', () => {
  it('rejects two round files with the same id, naming the id', () => {
    const result = parseRounds([validWater(), validWater()]);
    expect(result.ok ? [] : result.error).toEqual(['round aksu-water-2024: id used by more than one round file']);
  });

  it('prefixes each error with the round it came from', () => {
    const result = parseRounds([validYuli(), mutate(validWater(), (r) => { r.windows[0].deadline = 'x'; })]);
    expect(result.ok ? [] : result.error).toEqual([expect.stringMatching(/^round 1 \(aksu-water-2024\) windows\[0\]: /)]);
  });
});

describe('formatPath', () => {
  it.each([
    [['windows', 2, 'end', 'at'], 'windows[2].end.at'],
    [['id'], 'id'],
    [[], ''],
  ])('formats %j as %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Builders

function validWater(): Json {
  return structuredClone(aksuWater) as Json;
}

function validYuli(): Json {
  return structuredClone(yuli) as Json;
}

function mutate(round: Json, breakIt: (r: Json) => void): Json {
  breakIt(round);
  return round;
}

function errorsOf(json: unknown): string[] {
  const result = parseRound(json);
  return result.ok ? [] : result.error;
}

function src() {
  return { file: 'aksu-water-2024.txt', clause: '四(一)21' };
}
