import * as z from 'zod';
import { typedText } from '../text/text-input';

/**
 * A conflict of interest the applicant declares when submitting (申请回避), as authors do in
 * conference systems such as HotCRP: a person who should not evaluate them, or a unit whose experts
 * should not. The committee's secretary sees each expert it names proposed for recusal, and confirms
 * (《职称评审管理暂行规定》第二十五条, as quoted). Experts never see it.
 */
export const DeclaredConflict = z.strictObject({
  kind: z.enum(['person', 'unit'], { message: '请选择回避的是人员还是单位' }),
  name: typedText({ min: 2, tooShort: '请写明回避的人员姓名或单位名称', max: 60, tooLong: '姓名或单位名称最多 60 字' }),
  /** Why, in the applicant's words (近亲属, 同一项目组 …). */
  reason: typedText({ min: 2, tooShort: '请写明回避的理由', max: 100, tooLong: '回避理由最多 100 字' }),
});
export type DeclaredConflict = z.infer<typeof DeclaredConflict>;

/** At most this many: enough for a family and a unit or two, not a list of the whole committee. */
export const MAX_DECLARED_CONFLICTS = 10;

export const DeclaredConflicts = z.array(DeclaredConflict).max(MAX_DECLARED_CONFLICTS, `最多申请 ${MAX_DECLARED_CONFLICTS} 项回避`);

export const CONFLICT_KIND_TEXT: Readonly<Record<DeclaredConflict['kind'], string>> = { person: '人员', unit: '单位' };
