import { applicationsContract } from '../../../src/core/contracts/functions/applications.contract';
import { reviewContract } from '../../../src/core/contracts/functions/review.contract';
import { unitsContract } from '../../../src/core/contracts/functions/units.contract';
import { defenseContract } from '../../../src/core/contracts/functions/defense.contract';
import { entrySchema, ENTRY_FORMS } from '../../../src/core/application/entry-forms';

/**
 * Typed texts are normalised at the boundary (issue 22, item 6): NFC; line breaks kept as LF where
 * a text has lines (an essay), a space where it has one; controls, direction overrides and
 * zero-width characters removed (they come with pasted text and show as nothing, or reversed);
 * a broken character (a lone surrogate) refused; the length counted after all that.
 */
const essay = (text: string) => applicationsContract.saveText.payload.safeParse({ applicationId: 'a', category: 'summary', text });
const opinion = (text: string) => reviewContract.approve.payload.safeParse({ applicationId: 'a', requestId: 'request-1', opinion: text });

describe('a typed text', () => {
  it('keeps an essay’s lines (CR LF and CR read as LF) and removes what cannot be seen', () => {
    expect(essay('第一段\r\n第二段\r第三段\n').data?.text).toBe('第一段\n第二段\n第三段');
    expect(essay('\u202E工作\u200B总结\u0007\uFEFF').data?.text).toBe('工作总结');
    expect(essay('e\u0301').data?.text).toBe('\u00e9');
  });

  it('refuses a broken character, saying so in Chinese', () => {
    const parsed = essay('总结\uD800');
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toMatch(/无法识别的字符/);
  });

  it('counts the length after removing: 200 visible characters and some zero-width ones fit 200', () => {
    expect(opinion(`${'同'.repeat(200)}\u200B\u200B`).data?.opinion).toHaveLength(200);
    expect(opinion('同'.repeat(201)).success).toBe(false);
  });

  it('puts one line on one line: a reason, a decision, a place, an entry', () => {
    expect(reviewContract.return.payload.safeParse({ applicationId: 'a', requestId: 'request-1', reasons: [{ category: 'education', kind: 'other', text: '照片\n不清楚\u202E' }] }).data?.reasons[0]?.text).toBe('照片 不清楚');
    expect(unitsContract.decide.payload.safeParse({ unitId: 'u', approve: false, reason: '名称\r\n不符\u0000' }).data?.reason).toBe('名称 不符');
    expect(defenseContract.cancel.payload.safeParse({ roundId: 'r', applicationId: 'a', reason: '本人\u200B申请' }).data?.reason).toBe('本人申请');
    const form = Object.keys(ENTRY_FORMS)[0] as keyof typeof ENTRY_FORMS;
    const textField = ENTRY_FORMS[form].fields.find((f) => f.type === 'text')!;
    expect(entrySchema(ENTRY_FORMS[form]).safeParse({ [textField.key]: '阿克苏\u202E地区\n水利局' }).data?.[textField.key]).toBe('阿克苏地区 水利局');
  });

  it('refuses a required text that is empty once the invisible is removed', () => {
    expect(defenseContract.cancel.payload.safeParse({ roundId: 'r', applicationId: 'a', reason: '\u200B\u200B\u200B' }).success).toBe(false);
  });
});
