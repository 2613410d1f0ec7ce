import type { DefenseSession } from '../defense/schedule';
import { PAGES } from '../pages';
import { formatBeijingDateTime } from '../time/format';
import type { NoticeDraft } from './notice-draft';
import { defenseChanged, defenseReminder, defenseScheduled, type DefenseSlotFacts } from './subscription';

/**
 * What an applicant is told of their defense slot, complete: the in-app notice, the WeChat
 * message, and the key that makes each one message (`…#defense-scheduled`, `…#defense-day-before-1`
 * after one move; a slot given again after a cancellation has its own, `-g1`).
 */
export interface DefenseSlotNoticeInput {
  readonly applicationId: string;
  readonly personId: string;
  readonly slot: {
    /** 高级工程师, in words. */
    readonly title: string;
    readonly applicantName: string;
    readonly startsAt: string;
    readonly panelId: string;
    /** How many of this applicant's slots were cancelled before this one. */
    readonly generation: number;
    /** How many times this slot was moved after publishing. */
    readonly changes: number;
  };
  readonly session: DefenseSession;
}

export type DefenseNotice =
  | { readonly kind: 'scheduled' }
  | { readonly kind: 'cancelled'; readonly reason: string }
  | { readonly kind: 'moved' }
  | { readonly kind: 'next' }
  | { readonly kind: 'day_before' }
  | { readonly kind: 'soon'; readonly minutesBefore: number };

/** A defense message's outbox key (see the file header). */
export const defenseMessageKey = (applicationId: string, generation: number, what: string): string => `${applicationId}#defense-${what}${generation > 0 ? `-g${generation}` : ''}`;

/** The room, or the online meeting with where its link is (never in a message). */
export function placeText(session: DefenseSession): string {
  return session.place.kind === 'room' ? session.place.name : `线上视频答辩（${session.place.name}，链接见答辩页面）`;
}

export function panelName(session: DefenseSession | undefined, panelId: string): string {
  return session?.panels.find((p) => p.id === panelId)?.name ?? '';
}

function factsOf(input: DefenseSlotNoticeInput): DefenseSlotFacts {
  const { applicationId, slot, session } = input;
  return { applicationId, label: slot.title, applicantName: slot.applicantName, startsAt: new Date(slot.startsAt), place: session.place.kind === 'room' ? session.place.name : '线上视频答辩' };
}

export function defenseNotice(notice: DefenseNotice, input: DefenseSlotNoticeInput): NoticeDraft {
  const { applicationId, personId, slot, session } = input;
  const at = `${formatBeijingDateTime(new Date(slot.startsAt))}（北京时间）`;
  const where = `${placeText(session)}，${panelName(session, slot.panelId)}`;
  const base = { personId, applicationId, kind: 'progress' as const, page: PAGES.defense(applicationId) };
  switch (notice.kind) {
    case 'scheduled':
      return {
        ...base,
        dedupeKey: defenseMessageKey(applicationId, slot.generation, 'scheduled'),
        title: '答辩安排',
        body: `您的答辩：${at}，${where}，每人 ${session.slotMinutes} 分钟。请携带${session.bring || '身份证原件'}，提前到场。`,
        subscription: defenseScheduled(factsOf(input), session.bring ? `请携带${session.bring}` : ''),
      };
    case 'cancelled':
      return {
        ...base,
        dedupeKey: defenseMessageKey(applicationId, slot.generation, 'cancelled'),
        title: '答辩时间取消',
        body: `您原定 ${at}的答辩已取消：${notice.reason}。新的答辩时间确定后会再通知您。`,
        subscription: defenseChanged(factsOf(input), 'cancelled', notice.reason),
      };
    case 'moved':
      return {
        ...base,
        dedupeKey: defenseMessageKey(applicationId, slot.generation, `changed-${slot.changes}`),
        title: '答辩时间变更',
        body: `您的答辩改到 ${at}，${where}。请重新确认参加。`,
        subscription: defenseChanged(factsOf(input), 'moved', '请以新的时间为准，并重新确认'),
      };
    case 'next':
      return {
        ...base,
        dedupeKey: `${applicationId}#defense-next`,
        title: '下一位答辩',
        body: `下一位是您：请到${placeText(session)}的候场区准备（${panelName(session, slot.panelId)}）。`,
        subscription: defenseReminder(factsOf(input), 'next', 0),
      };
    case 'day_before':
    case 'soon': {
      const minutesBefore = notice.kind === 'soon' ? notice.minutesBefore : 0;
      return {
        ...base,
        dedupeKey: defenseMessageKey(applicationId, slot.generation, `${notice.kind === 'day_before' ? 'day-before' : 'soon'}-${slot.changes}`),
        title: notice.kind === 'day_before' ? '明天答辩' : '答辩即将开始',
        body: `${notice.kind === 'day_before' ? '明天' : `${minutesBefore} 分钟内`}答辩：${at}，${where}。`,
        subscription: defenseReminder(factsOf(input), notice.kind, minutesBefore),
      };
    }
  }
}
