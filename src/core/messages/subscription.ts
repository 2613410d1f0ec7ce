import { RETURN_REASON_TEXT, type ReturnReason } from '../review/return-reasons';
import type { NoticeKind, ReviewStatus } from '../review/review.machine';
import { formatBeijingDateTime } from '../time/format';
import { fitName, fitThing } from './fit';
import { checkKeywords } from './keywords';
import type { TemplateKey } from './templates';
import { PAGES } from '../pages';

/**
 * The subscription messages the product sends, built here once for the cloud functions (and the
 * dev console that shows them): which template, the page it opens, the keyword values. Every value
 * is fitted to its keyword's rule, and a draft WeChat would refuse is never returned.
 */
export interface SubscriptionDraft {
  readonly template: TemplateKey;
  /** The mini-program page the message opens, with its query. */
  readonly page: string;
  readonly data: Readonly<Record<string, string>>;
}

const applicationPage = PAGES.application;
const defensePage = PAGES.defense;

/** What every defense message says of the slot. */
export interface DefenseSlotFacts {
  readonly applicationId: string;
  /** 高级工程师 答辩, in words. */
  readonly label: string;
  readonly applicantName: string;
  readonly startsAt: Date;
  /** The room, or 线上视频答辩 for an online meeting (the link is on the page, never in a message). */
  readonly place: string;
}

export function defenseScheduled(slot: DefenseSlotFacts, bring: string): SubscriptionDraft | null {
  return checked({
    template: 'defense_scheduled',
    page: defensePage(slot.applicationId),
    data: {
      thing1: fitThing(`${slot.label}答辩`, '职称答辩'),
      time2: formatBeijingDateTime(slot.startsAt),
      thing3: fitThing(slot.place, '见答辩页面'),
      name4: fitName(slot.applicantName),
      thing5: fitThing(bring || '请按时到场，点开查看详情', '点开查看详情'),
    },
  });
}

/** The day before, a while before, or 下一位 (the one before has just finished). */
export function defenseReminder(slot: DefenseSlotFacts, when: 'day_before' | 'soon' | 'next', minutesBefore: number): SubscriptionDraft | null {
  return checked({
    template: 'defense_reminder',
    page: defensePage(slot.applicationId),
    data: {
      thing1: fitThing(`${slot.label}答辩`, '职称答辩'),
      time2: formatBeijingDateTime(slot.startsAt),
      thing3: fitThing(slot.place, '见答辩页面'),
      thing4:
        when === 'day_before' ? '明天答辩，请提前安排好时间' : when === 'next' ? '下一位是您，请到候场区准备' : fitThing(`${minutesBefore}分钟后开始，请到候场区`, '即将开始，请到候场区'),
    },
  });
}

export function defenseChanged(slot: DefenseSlotFacts, change: 'moved' | 'cancelled', note: string): SubscriptionDraft | null {
  return checked({
    template: 'defense_changed',
    page: defensePage(slot.applicationId),
    data: {
      thing1: fitThing(`${slot.label}答辩`, '职称答辩'),
      phrase2: change === 'moved' ? '时间变更' : '已取消',
      time3: formatBeijingDateTime(slot.startsAt),
      thing4: fitThing(slot.place, '见答辩页面'),
      thing5: fitThing(note, change === 'moved' ? '请以新的时间为准' : '请留意后续通知'),
    },
  });
}

/** What the review chain tells the applicant by WeChat, when the step is worth a message. */
export interface ReviewFacts {
  readonly applicationId: string;
  readonly kind: NoticeKind;
  /** 初级（助理级）· 初定. */
  readonly label: string;
  readonly status: ReviewStatus;
  /** The status in words (the route's). */
  readonly statusText: string;
  /** Who returned it, in words: 单位管理员. */
  readonly actor: string;
  readonly reasons: readonly ReturnReason[];
  readonly categoryNames: Readonly<Record<string, string>>;
  readonly deadline: Date | null;
  readonly at: Date;
}

const RESULT_PHRASE: Readonly<Partial<Record<NoticeKind, string>>> = {
  approved: '审核通过',
  formal_review_passed: '形审通过',
  abandoned: '视为放弃',
  rejected: '不予受理',
  not_evaluated: '不予评审',
  progress: '进度更新',
  result: '评审结果',
};

/** The message for a move of the review chain, or null for one the applicant made themselves (submitting). */
export function reviewMessage(facts: ReviewFacts): SubscriptionDraft | null {
  if (facts.kind === 'returned') {
    const reasons = facts.reasons.map((r) => `${facts.categoryNames[r.category] ?? '整体'}${RETURN_REASON_TEXT[r.kind]}`).join('；');
    return checked({
      template: 'materials_returned',
      page: applicationPage(facts.applicationId),
      data: {
        thing1: fitThing(facts.label, '职称申报'),
        thing2: fitThing(reasons, '点开查看退回原因'),
        time3: formatBeijingDateTime(facts.deadline ?? facts.at),
        thing4: fitThing(facts.actor, '审核人'),
      },
    });
  }
  const phrase = RESULT_PHRASE[facts.kind];
  if (!phrase) return null;
  return checked({
    template: 'review_result',
    page: applicationPage(facts.applicationId),
    data: { thing1: fitThing(facts.label, '职称申报'), phrase2: phrase, thing3: fitThing(facts.statusText, '点开查看进度'), time4: formatBeijingDateTime(facts.at) },
  });
}

/** A draft whose values WeChat would refuse is no message (the in-app notice still goes); tests keep this from happening. */
function checked(draft: SubscriptionDraft): SubscriptionDraft | null {
  return checkKeywords(draft.data).length === 0 ? draft : null;
}
