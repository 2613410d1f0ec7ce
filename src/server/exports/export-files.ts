import { ApplicationRecord } from '../../core/application/application.schema';
import type { ExportFile } from '../../core/contracts/exports';
import { appError, type AppError } from '../../core/errors';
import { documentFields } from '../../core/exports/document-fields';
import { documentsFor } from '../../core/exports/documents';
import { rosterColumns, rosterRows, type RosterEntry } from '../../core/exports/roster';
import { err, ok, type Result } from '../../core/result';
import type { ReviewStatus } from '../../core/review/review.machine';
import type { Round } from '../../core/round/round.schema';
import { beijingDate } from '../../core/time/beijing';
import { applicantViewOf } from '../applications/application.view';
import { applications } from '../applications/applications.repo';
import type { ActionContext } from '../function';
import type { Condition } from '../ports/store.port';
import { fillDocx } from './docx';
import { unitDocumentWaits } from '../../core/application/unit-documents';
import { meetingRecordFields } from '../../core/exports/meeting-record';
import { MEETING_TEXT, type Member } from '../../core/evaluation/meeting.machine';
import { applicationSpecialtyName } from '../../core/eligibility/selector.match';
import type { Person } from '../../core/people/person';
import type { LoadedMeeting } from '../evaluation/meetings';
import { rosterXlsx } from './xlsx';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
const TTL_SECONDS = 600;

/** Stores an export under the caller's folder and answers a short-lived URL to it. */
async function saved(ctx: ActionContext, base: string, fileType: 'docx' | 'xlsx', bytes: Uint8Array, name: string, rows: number | null): Promise<Result<ExportFile, AppError>> {
  const ref = await ctx.made.put(`exports/${ctx.caller._id}/${base}-${ctx.now.getTime()}.${fileType}`, bytes, TYPES[fileType]);
  const url = await ctx.files.url(ref, TTL_SECONDS);
  if (!url) return err(appError('FILE.NOT_FOUND'));
  return ok({ name, url, fileType, expiresAt: new Date(ctx.now.getTime() + TTL_SECONDS * 1000).toISOString(), rows });
}

/** The title applied for, by name: the engine's first title name for the application's offer (null where the notice names none). */
async function targetTitleOf(ctx: ActionContext, id: string, record: ApplicationRecord, round: Round): Promise<string | null> {
  const view = await applicantViewOf(ctx.store, id, record, round, ctx.now);
  return view?.titleNames[0] ?? null;
}

/**
 * One of the round's documents filled for an application, from its Word template: the applicant's
 * own (承诺书, 保证书, 免学申请表) or the unit's (公示, 公示结果, 推荐意见), as `audience` says.
 */
export async function documentFile(ctx: ActionContext, id: string, record: ApplicationRecord, round: Round, code: string, audience: 'applicant' | 'unit'): Promise<Result<ExportFile, AppError>> {
  const offered = documentsFor(round, audience).find((d) => d.code === code);
  if (!offered) return err(appError('REQUEST.INVALID_PAYLOAD', ['这个批次没有这份文书，或它不由您填写。请返回后重新选择。']));
  // The unit's papers in the notice's order: 公示结果 is not written before the publicity is over.
  const material = audience === 'unit' ? round.materials.categories.find((c) => offered.materials.includes(c.code)) : undefined;
  const waits = material ? unitDocumentWaits(material, record.publicity, ctx.now) : null;
  if (waits) return err(appError('REVIEW.REFUSED', [waits]));
  const template = await ctx.templates.read(offered.docx);
  if (!template) return err(appError('EXPORT.NO_TEMPLATE'));
  const fields = documentFields({ record, round, targetTitle: await targetTitleOf(ctx, id, record, round), today: beijingDate(ctx.now) });
  return saved(ctx, offered.docx, 'docx', await fillDocx(template, fields), `${offered.name}（${record.applicantName}）.docx`, null);
}

/** Applications a roster lists: sent up by the applicant and not withdrawn or ended before review. */
const ON_ROSTER: readonly ReviewStatus[] = ['submitted', 'unit_approved', 'county_approved', 'formal_review_passed', 'materials_received', 'fee_paid', 'defended', 'passed', 'failed', 'publicised', 'certified', 'not_evaluated', 'returned'];

/**
 * 申报人员花名册 of a round (and one unit, where `unitId` is given) as an Excel workbook, in
 * submission order; a round of thousands is read a page at a time.
 */
export async function rosterFile(ctx: ActionContext, round: Round, unit: { readonly id: string; readonly name: string } | null): Promise<Result<ExportFile, AppError>> {
  const where: Condition[] = [
    { field: 'roundId', op: 'eq', value: round.id },
    { field: 'status', op: 'in', values: ON_ROSTER },
    ...(unit ? [{ field: 'unit.unitId', op: 'eq' as const, value: unit.id }] : []),
  ];
  const found = await applications.findAll(ctx.store, { where, orderBy: [{ field: 'createdAt', direction: 'asc' }] });
  const entries: RosterEntry[] = found.map(({ record }) => ({ record }));
  const { columns } = rosterColumns(round);
  const title = `${round.title}申报人员花名册${unit ? `（${unit.name}）` : ''}`;
  const bytes = await rosterXlsx(title, columns, rosterRows(round, columns, entries));
  return saved(ctx, `roster-${round.id}`, 'xlsx', bytes, `申报人员花名册（${unit?.name ?? round.title}）.xlsx`, entries.length);
}

/**
 * 评审会议记录 of a published meeting from its Word template (config/templates/meeting_record.docx):
 * made from what the meeting keeps, so the same record whenever it is asked for.
 */
export async function meetingRecordFile(ctx: ActionContext, loaded: LoadedMeeting, members: readonly Member[], experts: readonly Person[]): Promise<Result<ExportFile, AppError>> {
  const template = await ctx.templates.read('meeting_record');
  if (!template) return err(appError('EXPORT.NO_TEMPLATE'));
  const fields = meetingRecordFields({
    meeting: loaded.meeting,
    round: loaded.round,
    members: members.map((m) => ({ id: m.id, record: { applicantName: m.record.applicantName, level: m.record.level, specialtyName: applicationSpecialtyName(loaded.round, m.record) } })),
    expertName: (id) => experts.find((e) => e._id === id)?.name ?? MEETING_TEXT.expertGone,
    secretaryName: ctx.caller.name,
  });
  return saved(ctx, 'meeting_record', 'docx', await fillDocx(template, fields), `评审会议记录（${loaded.meeting.heldOn}）.docx`, members.length);
}
