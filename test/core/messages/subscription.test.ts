import fc from 'fast-check';
import registry from '../../../config/messages/templates.json';
import { defenseChanged, defenseReminder, defenseScheduled, reviewMessage, type DefenseSlotFacts, type SubscriptionDraft } from '../../../src/core/messages/subscription';
import { TemplateRegistry, templateData } from '../../../src/core/messages/templates';
import { fitName, fitThing } from '../../../src/core/messages/fit';
import { refusedByOracle } from './wechat-keywords.oracle';

const templates = TemplateRegistry.parse(registry);

/** Hostile text: very long, emoji, Uyghur and Kazakh script, full-width, line breaks, tabs. */
const hostile = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    '阿克苏地区水利水电勘测设计院第三会议室（行政楼五层东侧，请从北门进入）',
    'ئابدۇرېھىم ئابدۇللا',
    'Абдрахман Нұрлан',
    '阿卜杜热合曼·买买提艾力·吐尔洪',
    '会议室🏢\n二楼\t东侧',
    'ＡＢＣ１２３　全角',
    '',
    '   ',
    '😀😀😀',
  ),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);
// Any minute of 2024–2026, midnights and year ends included.
const instant = fc.integer({ min: Date.UTC(2023, 11, 31, 16), max: Date.UTC(2026, 11, 31, 15, 59) }).map((ms) => new Date(Math.floor(ms / 60_000) * 60_000));
const slot = fc.record<DefenseSlotFacts>({ applicationId: fc.string({ minLength: 1, maxLength: 80 }), label: hostile, applicantName: hostile, startsAt: instant, place: hostile });

function expectSendable(draft: SubscriptionDraft | null) {
  expect(draft).not.toBeNull();
  const spec = templates.templates[draft!.template];
  expect(templateData(spec).safeParse(draft!.data).error?.issues ?? []).toEqual([]);
  expect(refusedByOracle(draft!.data)).toEqual([]);
  expect(draft!.page).toMatch(/^apply\/pages\/(defense|application)\/index\?id=/);
}

describe('subscription messages', () => {
  it('builds every defense message WeChat accepts, whatever the names, places and times', () => {
    fc.assert(
      fc.property(slot, hostile, fc.integer({ min: 1, max: 600 }), (s, note, minutes) => {
        expectSendable(defenseScheduled(s, note));
        expectSendable(defenseReminder(s, 'day_before', minutes));
        expectSendable(defenseReminder(s, 'soon', minutes));
        expectSendable(defenseReminder(s, 'next', minutes));
        expectSendable(defenseChanged(s, 'moved', note));
        expectSendable(defenseChanged(s, 'cancelled', note));
      }),
      { numRuns: 300 },
    );
  });

  it('builds the review chain’s messages WeChat accepts, and none for the applicant’s own submission', () => {
    const kinds = fc.constantFrom('approved', 'formal_review_passed', 'returned', 'abandoned', 'rejected', 'progress', 'result' as const);
    fc.assert(
      fc.property(kinds, hostile, hostile, instant, (kind, label, text, at) => {
        const draft = reviewMessage({
          applicationId: 'a:1',
          kind,
          label,
          status: 'returned',
          statusText: label,
          actor: text,
          reasons: [{ category: 'education', kind: 'other', text }],
          categoryNames: { education: text },
          deadline: at,
          at,
        });
        expectSendable(draft);
      }),
      { numRuns: 300 },
    );
    expect(reviewMessage({ applicationId: 'a', kind: 'submitted', label: 'x', status: 'submitted', statusText: 'x', actor: '', reasons: [], categoryNames: {}, deadline: null, at: new Date() })).toBeNull();
  });

  it('shortens sensibly: an ellipsis inside the limit, a long name to its given name, Beijing time at midnight', () => {
    expect(fitThing('阿克苏地区水利水电勘测设计院第三会议室（行政楼五层东侧）', '-')).toBe('阿克苏地区水利水电勘测设计院第三会议室…');
    expect(fitThing(' 会议室🏢\n二楼 ', '-')).toBe('会议室 二楼');
    expect(fitThing('😀', '见答辩页面')).toBe('见答辩页面');
    expect(fitName('阿卜杜热合曼·买买提艾力·吐尔洪')).toBe('阿卜杜热合曼');
    expect(fitName('王建新')).toBe('王建新');
    const draft = defenseScheduled({ applicationId: 'a', label: '高级工程师', applicantName: '王建新', startsAt: new Date('2024-10-23T16:00:00Z'), place: '地区水利局三楼会议室' }, '请携带身份证原件');
    expect(draft?.data).toEqual({ thing1: '高级工程师答辩', time2: '2024年10月24日 00:00', thing3: '地区水利局三楼会议室', name4: '王建新', thing5: '请携带身份证原件' });
  });

  it('keeps each builder’s keywords those of its template in the registry', () => {
    const at = new Date('2024-10-24T02:20:00Z');
    const s = { applicationId: 'a', label: '高级工程师', applicantName: '王建新', startsAt: at, place: '三楼' };
    for (const draft of [defenseScheduled(s, ''), defenseReminder(s, 'soon', 30), defenseChanged(s, 'moved', '')]) {
      expect(Object.keys(draft!.data).sort()).toEqual(templates.templates[draft!.template].keywords.map((k) => k.key).sort());
    }
  });
});
