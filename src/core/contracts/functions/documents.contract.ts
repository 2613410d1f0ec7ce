import * as z from 'zod';
import { action } from '../contract';
import { RoundId, ApplicationId, CategoryCode, MeetingId } from '../fields';
import type { ExportFile } from '../exports';

/** The `documents` function's actions: each payload's schema and, as a type, what it answers. */
export const documentsContract = {
  /**
   * One of the round's documents for an application, filled from its Word template: the
   * applicant's own (个人承诺书, 真实性保证书, 免除继续教育学习申请表) for the applicant, the unit's
   * (推荐单位公示, 公示结果, 单位推荐意见) for its unit admin.
   */
  document: action<ExportFile>()(z.strictObject({ applicationId: ApplicationId, template: CategoryCode })),
  /** 申报人员花名册 of a round as Excel: the unit admin's own unit, or every unit for a secretary serving the round. */
  roster: action<ExportFile>()(z.strictObject({ roundId: RoundId })),
  /** 评审会议记录 of a published meeting, from its Word template: for its secretary (it names the experts). */
  meetingRecord: action<ExportFile>()(z.strictObject({ meetingId: MeetingId })),
} as const;
