import * as z from 'zod';
import { action } from '../contract';
import { RoundId } from '../fields';
import type { DraftView, WorkshopView } from '../views';
import { FieldEdit } from '../../workshop/draft';
import { TestPersonInput } from '../../workshop/test-people';
import { roundsReadContract } from './rounds.read.contract';

const DraftId = z.string().trim().min(1, '请选择一个试编批次').max(100, '试编批次编号过长');

/** The `rounds` function's actions: each payload's schema and, as a type, what it answers. */
export const roundsContract = {
  ...roundsReadContract,

  // The round workshop (试编批次): the issuer's staff turn a new notice into a round.
  /** The rounds the caller's office issues, and its drafts. */
  workshop: action<WorkshopView>()(z.strictObject({})),
  /** A draft from a published round: next year's (`new_year`) or a correction of it (`correction`). */
  draftCreate: action<DraftView>()(
    z.strictObject({
      fromRoundId: RoundId,
      kind: z.enum(['new_year', 'correction'], { message: '请选择复制为新年度还是更正' }),
      year: z.number({ message: '请填写年度' }).int('年度写四位数字').min(2020, '年度不正确').max(2100, '年度不正确').optional(),
    }),
  ),
  /** A draft of a round started from nothing, for the caller's own prefecture or county: its title and year. */
  draftCreateEmpty: action<DraftView>()(
    z.strictObject({
      title: z.string({ message: '请填写批次标题' }).trim().min(4, '标题至少4个字').max(80, '标题不超过80个字'),
      year: z.number({ message: '请填写年度' }).int('年度写四位数字').min(2020, '年度不正确').max(2100, '年度不正确'),
    }),
  ),
  draft: action<DraftView>()(z.strictObject({ draftId: DraftId })),
  /** The new notice's text: the finder proposes candidates in it (kept until each is decided). */
  draftNotice: action<DraftView>()(
    z.strictObject({ draftId: DraftId, text: z.string().trim().min(50, '请粘贴通知全文（至少50个字）').max(100_000, '通知过长（不超过10万字）') }),
  ),
  /** One candidate accepted into a field (as found, or corrected with `edit`), or dismissed. */
  draftDecide: action<DraftView>()(
    z.strictObject({
      draftId: DraftId,
      candidateId: z.string().min(1).max(80),
      decision: z.enum(['accept', 'dismiss'], { message: '请选择采用或忽略' }),
      target: z.string().min(1).max(120).optional(),
      edit: FieldEdit.optional(),
    }),
  ),
  /** One field changed by hand. */
  draftEdit: action<DraftView>()(z.strictObject({ draftId: DraftId, edit: FieldEdit })),
  /** A test person added (their answers) or removed, for the preview. */
  draftTestPerson: action<DraftView>()(
    z.strictObject({ draftId: DraftId, add: TestPersonInput.optional(), removeId: z.string().min(1).max(40).optional() }),
  ),
  /** Publishes the draft as the round's next version; a correction says what changed and whether it applies to everyone. */
  /** `told`: applications told in this commit; `toTell`: the rest, told by the rounds timer within minutes. */
  publish: action<{ readonly roundId: string; readonly version: number; readonly told: number; readonly toTell: number }>()(
    z.strictObject({
      draftId: DraftId,
      changeNote: z.string().trim().max(500, '更正说明不超过500字').optional(),
      appliesToAll: z.boolean().optional(),
    }),
  ),
} as const;
