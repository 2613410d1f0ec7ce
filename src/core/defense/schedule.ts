import { seededShuffle, textHash } from '../draw/seeded-shuffle';
import * as z from 'zod';
import { typedText } from '../text/text-input';
import { err, ok, type Result } from '../result';
import { calendarDay } from '../time/calendar-day';

/**
 * Defense slots (专业水平答辩, aksu-water-2024 四(一)20: 答辩时间为 10 分钟): the committee secretary's sessions
 * (a day, a start and an end in Beijing time, breaks, a room or an online meeting, panels by
 * specialty) and the assignment of every applicant to one slot of a panel of their specialty. Pure:
 * the sessions and applicants are given, and so is the seed of a draw.
 */
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 24 小时制，如 09:30');
const Day = calendarDay('日期应为 2024-10-24 这样真实的日期');

/**
 * An online session's link: https only. A link is what applicants tap on the defense page, so
 * `javascript:` or `data:` (which `z.url()` accepts) must never reach it; the meeting apps' own
 * links (腾讯会议, 钉钉) are https links that open their app.
 */
const MeetingLink = z
  .string()
  .trim()
  .max(300, '会议链接最多 300 个字符')
  // A pattern, not `new URL`: WeChat's engine has no URL global of its own.
  .regex(/^https:\/\/[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+(?::\d{1,5})?(?:[/?#][^\s]*)?$/, '请填写 https:// 开头的会议链接');

const SessionFields = z.strictObject({
  date: Day,
  start: Clock,
  end: Clock,
  breaks: z.array(z.strictObject({ start: Clock, end: Clock })).max(6),
  place: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('room'), name: typedText({ min: 2, tooShort: '请填写答辩地点', max: 60, tooLong: '地点最多 60 字' }) }),
    z.strictObject({ kind: z.literal('online'), name: typedText({ min: 2, tooShort: '请填写会议名称', max: 60, tooLong: '会议名称最多 60 字' }), link: MeetingLink }),
  ]),
  panels: z
    .array(z.strictObject({ id: z.string().min(1).max(32), name: typedText({ min: 1, tooShort: '请填写答辩组名称', max: 30, tooLong: '答辩组名称最多 30 字' }), specialties: z.array(z.string().min(1)).min(1, '每个答辩组至少负责一个专业') }))
    .min(1, '至少设一个答辩组'),
  slotMinutes: z.number().int().min(5).max(60),
  /** What to bring, as the applicant is told. */
  bring: typedText({ max: 60, tooLong: '携带物品最多 60 字' }).default('身份证原件'),
});

function sessionRules(s: z.infer<typeof SessionFields>, ctx: z.RefinementCtx): void {
  if (s.end <= s.start) ctx.addIssue({ code: 'custom', message: '结束时间要晚于开始时间' });
  for (const b of s.breaks) {
    if (b.end <= b.start || b.start < s.start || b.end > s.end) ctx.addIssue({ code: 'custom', message: `休息 ${b.start}—${b.end} 要在答辩时间之内，且结束晚于开始` });
  }
  if (new Set(s.panels.map((p) => p.id)).size !== s.panels.length) ctx.addIssue({ code: 'custom', message: '答辩组不能重名' });
}

/** A session as the secretary enters it. */
export const DefenseSessionInput = SessionFields.superRefine(sessionRules);
export type DefenseSessionInput = z.infer<typeof DefenseSessionInput>;

/** A session as kept, with its id. */
export const DefenseSession = SessionFields.extend({ id: z.string().min(1).max(64) }).superRefine(sessionRules);
export type DefenseSession = z.infer<typeof DefenseSession>;

export interface Candidate {
  readonly applicationId: string;
  readonly specialty: string;
  /** When the application was (last) submitted: the stable order. */
  readonly submittedAt: string;
}

export interface Slot {
  readonly applicationId: string;
  readonly sessionId: string;
  readonly panelId: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

/** The order applicants take their slots in: submission time, or a draw whose seed is recorded with the schedule. */
export type Order = { readonly kind: 'submission' } | { readonly kind: 'draw'; readonly seed: number };

export type ScheduleError =
  | { readonly kind: 'capacity'; readonly missing: number; readonly bySpecialty: Readonly<Record<string, number>>; readonly message: string }
  | { readonly kind: 'no_panel'; readonly specialties: readonly string[]; readonly message: string };

const MINUTE = 60_000;
const at = (date: string, clock: string) => new Date(`${date}T${clock}:00+08:00`).getTime();

/** Every slot a panel of a session has, in time order: inside the session, never across a break. */
export function panelSlots(session: DefenseSession): { readonly startsAt: number; readonly endsAt: number }[] {
  const end = at(session.date, session.end);
  const breaks = session.breaks.map((b) => ({ start: at(session.date, b.start), end: at(session.date, b.end) })).sort((a, b) => a.start - b.start);
  const slots: { startsAt: number; endsAt: number }[] = [];
  let t = at(session.date, session.start);
  while (t + session.slotMinutes * MINUTE <= end) {
    const slotEnd = t + session.slotMinutes * MINUTE;
    const crossed = breaks.find((b) => t < b.end && slotEnd > b.start);
    if (crossed) {
      t = crossed.end;
      continue;
    }
    slots.push({ startsAt: t, endsAt: slotEnd });
    t = slotEnd;
  }
  return slots;
}

/**
 * One slot for every candidate, on a panel of their specialty, in the order given: the earliest free
 * slot of the specialty's panels (sessions by time, panels as listed) goes to the first in order.
 * Specialties are filled in name order, so a panel shared by two fills with the first, then the
 * second. The same sessions, candidates and seed give the same schedule whatever order the
 * candidates come in.
 */
export function assignSlots(
  sessions: readonly DefenseSession[],
  candidates: readonly Candidate[],
  order: Order,
  /** A specialty's name as the messages say it (the round's 水利工程 for `engineering.water`). */
  nameOf: (specialty: string) => string = (specialty) => specialty,
  /** Slots already given (a published schedule being filled in): kept, and never given again. */
  kept: readonly Slot[] = [],
): Result<Slot[], ScheduleError> {
  const specialties = [...new Set(candidates.map((c) => c.specialty))].sort();
  const served = new Set(sessions.flatMap((s) => s.panels.flatMap((p) => p.specialties)));
  const orphans = specialties.filter((s) => !served.has(s));
  if (orphans.length > 0) return err({ kind: 'no_panel', specialties: orphans, message: `没有答辩组负责这些专业：${orphans.map(nameOf).join('、')}。请先在答辩场次里设置。` });

  // Every free slot of every panel, earliest first.
  const free = sessions
    .flatMap((session) => session.panels.flatMap((panel) => panelSlots(session).map((slot) => ({ session, panel, ...slot }))))
    .sort((a, b) => a.startsAt - b.startsAt || a.session.id.localeCompare(b.session.id) || a.panel.id.localeCompare(b.panel.id));
  const keptAt = new Set(kept.map((k) => `${k.sessionId}|${k.panelId}|${new Date(k.startsAt).getTime()}`));
  const taken = new Set<number>(free.flatMap((f, i) => (keptAt.has(`${f.session.id}|${f.panel.id}|${f.startsAt}`) ? [i] : [])));
  const slots: Slot[] = [];
  const missing: Record<string, number> = {};
  for (const specialty of specialties) {
    const queue = ordered(candidates.filter((c) => c.specialty === specialty), order, specialty);
    for (const candidate of queue) {
      const index = free.findIndex((f, i) => !taken.has(i) && f.panel.specialties.includes(specialty));
      if (index < 0) {
        missing[specialty] = (missing[specialty] ?? 0) + 1;
        continue;
      }
      taken.add(index);
      const f = free[index]!;
      slots.push({ applicationId: candidate.applicationId, sessionId: f.session.id, panelId: f.panel.id, startsAt: new Date(f.startsAt).toISOString(), endsAt: new Date(f.endsAt).toISOString() });
    }
  }
  const short = Object.values(missing).reduce((a, b) => a + b, 0);
  if (short > 0) {
    const detail = Object.entries(missing)
      .map(([s, n]) => `${nameOf(s)}缺 ${n} 个`)
      .join('，');
    return err({ kind: 'capacity', missing: short, bySpecialty: missing, message: `答辩名额不够：还差 ${short} 个时段（${detail}）。请延长答辩时间、增加答辩组或场次。` });
  }
  return ok(slots);
}

/** Submission order (ties by id), or that order shuffled by the seed (`seededShuffle`), salted per panel. */
function ordered(list: readonly Candidate[], order: Order, salt: string): Candidate[] {
  const sorted = [...list].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.applicationId.localeCompare(b.applicationId));
  return order.kind === 'submission' ? sorted : seededShuffle(sorted, order.seed ^ textHash(salt));
}

/**
 * A manual change to a schedule: one applicant to a free slot of a panel of their specialty, or two
 * applicants swapped (same specialty, or panels that take both). The rest of the schedule stays.
 */
export function moveSlot(
  sessions: readonly DefenseSession[],
  slots: readonly Slot[],
  specialtyOf: (applicationId: string) => string | undefined,
  applicationId: string,
  to: { readonly sessionId: string; readonly panelId: string; readonly startsAt: string },
): Result<Slot[], string> {
  const current = slots.find((s) => s.applicationId === applicationId);
  if (!current) return err('这位申报人还没有答辩时段。');
  const session = sessions.find((s) => s.id === to.sessionId);
  const panel = session?.panels.find((p) => p.id === to.panelId);
  if (!session || !panel) return err('没有这个答辩场次或答辩组。');
  if (!panel.specialties.includes(specialtyOf(applicationId) ?? '')) return err(`${panel.name}不负责这位申报人的专业。`);
  const slot = panelSlots(session).find((s) => new Date(s.startsAt).toISOString() === to.startsAt);
  if (!slot) return err('这个时间不是这个答辩组的答辩时段（可能在休息时间或场次之外）。');
  const holder = slots.find((s) => s.sessionId === to.sessionId && s.panelId === to.panelId && s.startsAt === to.startsAt);
  if (holder && holder.applicationId !== applicationId) return err('这个时段已经有人了；要对调两人，请用“对调”。');
  return ok(slots.map((s) => (s.applicationId === applicationId ? { ...s, sessionId: session.id, panelId: panel.id, startsAt: to.startsAt, endsAt: new Date(slot.endsAt).toISOString() } : s)));
}

export function swapSlots(sessions: readonly DefenseSession[], slots: readonly Slot[], specialtyOf: (applicationId: string) => string | undefined, a: string, b: string): Result<Slot[], string> {
  const first = slots.find((s) => s.applicationId === a);
  const second = slots.find((s) => s.applicationId === b);
  if (!first || !second) return err('两位申报人都要已有答辩时段才能对调。');
  const takes = (slot: Slot, applicationId: string) => sessions.find((s) => s.id === slot.sessionId)?.panels.find((p) => p.id === slot.panelId)?.specialties.includes(specialtyOf(applicationId) ?? '') ?? false;
  if (!takes(second, a) || !takes(first, b)) return err('两人的专业不由对方的答辩组负责，不能对调。');
  return ok(
    slots.map((s) => {
      if (s.applicationId === a) return { ...second, applicationId: a };
      if (s.applicationId === b) return { ...first, applicationId: b };
      return s;
    }),
  );
}
