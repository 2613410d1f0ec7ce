import aksuWater from '../../../config/rounds/aksu-water-2024.json';
import { parseRound } from '../../../src/core/round/round.loader';
import { Round } from '../../../src/core/round/round.schema';
import { draftChecks, draftFrom, editFromFound, withField, type FieldEdit, type RoundDraftRecord } from '../../../src/core/workshop/draft';
import { emptyRound, keyAfterRemoval, seriesCode } from '../../../src/core/workshop/draft.structure';

const water = (): Round => {
  const parsed = parseRound(aksuWater);
  if (!parsed.ok) throw new Error('aksu-water-2024 does not parse');
  return parsed.value;
};

function emptyDraft(): RoundDraftRecord {
  const { round, toFill } = emptyRound({ id: 'aksu-ntest-2027', year: 2027, title: '阿克苏地区2027年度卫生系列评审', today: '2026-12-07', region: { prefecture: '阿克苏地区' } });
  return { roundId: round.id, prefecture: '阿克苏地区', year: 2027, kind: 'empty', basedOn: null, round, noticeText: null, candidates: [], toFill: [...toFill], clauses: {}, byHand: [], unchecked: [], committee: null, added: [], testPeople: [], status: 'draft', createdBy: 'p', createdAt: '', updatedAt: '' };
}

/** The draft with each edit written in turn; a refusal fails the test with its words. */
function edited(draft: RoundDraftRecord, ...edits: FieldEdit[]): RoundDraftRecord {
  return edits.reduce((d, e) => {
    const next = withField(d, e);
    if (!next.ok) throw new Error(next.error);
    return { ...d, ...next.value };
  }, draft);
}

const refusal = (draft: RoundDraftRecord, edit: FieldEdit) => {
  const r = withField(draft, edit);
  return r.ok ? null : r.error;
};

describe('a round started from nothing', () => {
  it('cannot be published until it has a series, a contact, materials and every yearly fact', () => {
    const draft = emptyDraft();
    expect(draftChecks(draft).map((c) => c.target)).toEqual(['issuedOn', 'window:apply', 'seniority', 'fees', 'submissions', 'publicity', 'blind', 'committee', 'section:series', 'section:contacts', 'section:materials', 'notice']);
    const filled = edited(
      draft,
      { field: 'issuedOn', date: '2027-02-10' },
      { field: 'window', id: 'apply', start: { date: '2027-03-01', time: null }, end: { date: '2027-03-31', time: '18:00' } },
      { field: 'seniority', date: '2026-12-31' },
      { field: 'submissions', count: 1 },
      { field: 'publicity', workingDays: 5 },
      { field: 'blind', on: true },
      { field: 'addSeries', name: '卫生', levels: ['intermediate', 'deputy_senior'], conditions: '新人社规〔2022〕3号' },
      { field: 'addContact', role: '政策咨询', phones: ['0997-2129001'] },
      { field: 'addMaterial', name: '身份证', required: 'always', stage: 'online', identity: true },
      { field: 'committee', secretaryId: 'person-secretary' },
    );
    expect(draftChecks({ ...filled, noticeText: '通知' })).toEqual([{ target: 'fees', message: '评审收费：尚未填写（请按新通知填写）' }]);
    // A fee for one offered level only: the other is named.
    const oneFee = edited(filled, { field: 'addFee', levels: ['intermediate'], way: 'evaluation', yuan: 400 });
    expect(draftChecks({ ...oneFee, noticeText: '通知' })).toEqual([{ target: 'section:fees', message: '评审收费：副高级没有收费标准，请按通知添加' }]);
    const complete = edited(oneFee, { field: 'addFee', levels: ['deputy_senior'], way: 'evaluation', yuan: 700 });
    expect(draftChecks({ ...complete, noticeText: '通知' })).toEqual([]);
    // Or the notice sets no fee: said once, and refused while a fee is listed.
    expect(draftChecks({ ...edited(filled, { field: 'feesNone' }), noticeText: '通知' })).toEqual([]);
    expect(refusal(oneFee, { field: 'feesNone' })).toContain('已有收费标准');
    const round = Round.parse(complete.round);
    // The series' conditions and title names are its document's: the engine names it, never guesses.
    expect(round.series).toEqual([expect.objectContaining({ code: 'health', name: '卫生系列', titles: [], titlesExternalRule: 'health_conditions' })]);
    expect(round.externalRules[0]).toMatchObject({ id: 'health_conditions', topic: 'years_at_current_level', document: '新人社规〔2022〕3号', who: { series: ['health'] } });
    expect(round.offers).toEqual([expect.objectContaining({ levels: ['intermediate', 'deputy_senior'], way: 'evaluation', channel: 'general', scope: { kind: 'series', series: ['health'] } })]);
    expect(round.materials.categories[0]).toMatchObject({ name: '身份证', experts: 'never', required: { kind: 'always' } });
    expect(round.materials.masking.items.map((i) => i.item)).toEqual(['own_name', 'own_photo', 'id_number', 'work_unit', 'unit_seal']);
    expect(complete.added).toEqual(['series:health', 'contact:0', 'material:m1', 'fee:0', 'fee:1']);
  });

  it('refuses a second series of the same name, a fee for a level it does not offer, and removing what it did not add', () => {
    const draft = edited(emptyDraft(), { field: 'addSeries', name: '卫生系列', levels: ['intermediate'], conditions: '新人社规〔2022〕3号' });
    expect(refusal(draft, { field: 'addSeries', name: '卫生', levels: ['senior'], conditions: '新人社规〔2022〕3号' })).toBe('本批次已有卫生');
    const senior = edited(draft, { field: 'addFee', levels: ['senior'], way: 'evaluation', yuan: 900 });
    expect(draftChecks(senior).find((c) => c.target === 'fee:0')!.message).toContain('收费的级别本批次不再设置');
    expect(refusal(draft, { field: 'remove', key: 'window:apply' })).toContain('只能删除本次添加的项目');
    expect(refusal(draft, { field: 'addSeries', name: '卫生', levels: [], conditions: '' })).toContain('至少选择一个级别');
  });

  it('moves later fees and contacts up when one is removed, with their clauses and marks', () => {
    const draft = edited(
      emptyDraft(),
      { field: 'addContact', role: '政策咨询', phones: ['0997-2129001'] },
      { field: 'addContact', role: '平台技术服务', phones: ['0991-3193615'] },
      { field: 'addContact', role: '缴费', phones: ['0997-2122453'] },
    );
    const removed = edited({ ...draft, clauses: { 'contact:2': { start: 1, end: 5 } } }, { field: 'remove', key: 'contact:0' });
    expect(removed.round.contacts.map((c) => c.role)).toEqual(['平台技术服务', '缴费']);
    expect(removed.clauses).toEqual({ 'contact:1': { start: 1, end: 5 } });
    expect(removed.added).toEqual(['contact:0', 'contact:1']);
    expect(keyAfterRemoval('fee:1', 'fee:3')).toBe('fee:2');
    expect(keyAfterRemoval('fee:1', 'contact:3')).toBe('contact:3');
    expect(keyAfterRemoval('fee:1', 'fee:1')).toBeNull();
  });
});

describe('adding to a copied round', () => {
  it('gives a new series a code other rounds use, or a new one, and a found fee or window a new item when the round has none for it', () => {
    const round = water();
    expect(seriesCode(round, '工程系列')).toBe('series_2');
    expect(seriesCode(round, '农业系列')).toBe('agriculture');
    expect(editFromFound({ kind: 'fee', yuan: 900, levels: ['senior'], ways: ['evaluation'], label: '正高级' }, 'fee:new', round)).toEqual({ ok: true, value: { field: 'addFee', levels: ['senior'], way: 'evaluation', yuan: 900 } });
    expect(editFromFound({ kind: 'series', name: '工程系列' }, 'series:new', round)).toMatchObject({ ok: false });
    const draft = draftFrom(round, { kind: 'new_year', year: 2025, today: '2025-07-07', createdBy: 'p', now: '' });
    const found = editFromFound({ kind: 'window', end: { at: '2025-10-20T23:59:59+08:00', given: 'date' }, hint: 'defense' }, 'window:new', round);
    if (!found.ok) throw new Error(found.error);
    const added = edited(draft, found.value);
    expect(added.round.windows.at(-1)).toMatchObject({ kind: 'defense', label: '答辩', end: { at: '2025-10-20T23:59:59+08:00' } });
    expect(added.added).toEqual([`window:${added.round.windows.at(-1)!.id}`]);
  });
});
