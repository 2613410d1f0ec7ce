import type { ReturnReason } from '../review/return-reasons';
import { RETURN_REASON_TEXT } from '../review/return-reasons';
import type { NoticeKind, ReviewStatus } from '../review/review.machine';
import { statusText } from '../review/review.machine';
import type { ReviewRoute } from '../review/route';
import { formatBeijingDate, formatBeijingDateTime } from '../time/format';
import { PAGES } from '../pages';

/** What the applicant is told when their application moves: a title, one paragraph, the page it opens. */
export interface ReviewNotice {
  readonly title: string;
  readonly body: string;
  readonly page: string;
}

export interface ReviewNoticeInput {
  readonly kind: NoticeKind;
  readonly applicationId: string;
  /** 副高级 · 评审 · 定向评价. */
  readonly label: string;
  readonly status: ReviewStatus;
  readonly route: ReviewRoute;
  /** Who acted, in words: 单位管理员 赵磊. */
  readonly actor: string;
  readonly reasons: readonly ReturnReason[];
  /** The return deadline, where there is one. */
  readonly deadline: Date | null;
  /** Material category names by code, for the reasons. */
  readonly categoryNames: Readonly<Record<string, string>>;
}

/**
 * The notice for one move of the review chain, in plain Chinese: what happened, what to do and by
 * when (Beijing time). Built here once, for the in-app notice and (with the subscription-message
 * templates) for WeChat.
 */
export function buildReviewNotice(input: ReviewNoticeInput): ReviewNotice {
  const page = PAGES.application(input.applicationId);
  const status = statusText(input.status, input.route);
  switch (input.kind) {
    case 'submitted':
      return { title: '申报已提交', body: `您的申报（${input.label}）已提交，等待单位审核。`, page };
    case 'approved':
      return { title: '审核通过', body: `${input.actor}审核通过了您的申报（${input.label}）。现在：${status}。`, page };
    case 'formal_review_passed':
      return { title: '通过形式审核', body: `您的申报（${input.label}）已通过形式审核。请留意评审委员会接收材料和缴费的通知。`, page };
    case 'returned': {
      const reasons = input.reasons.map((r) => `${input.categoryNames[r.category] ?? '整体'}：${RETURN_REASON_TEXT[r.kind]}${r.text ? `（${r.text}）` : ''}`).join('；');
      const by = input.deadline ? `请在${formatBeijingDateTime(input.deadline)}（北京时间）前修改后重新提交，逾期视为放弃申报。` : '请修改后重新提交。';
      return { title: '申报被退回', body: `${input.actor}退回了您的申报（${input.label}）。原因：${reasons}。${by}`, page };
    }
    case 'abandoned':
      return { title: '视为放弃申报', body: `您的申报（${input.label}）退回后没有在期限内重新提交，按通知视为放弃申报。`, page };
    case 'rejected':
      return { title: '不予受理', body: `您的申报（${input.label}）已提交到通知规定的次数上限，仍不符合要求，按通知不予受理。`, page };
    case 'not_evaluated':
      return { title: '未按期缴费', body: `您的申报（${input.label}）没有在缴费期限内缴纳评审费，按通知不予评审。如已缴费，请尽快联系评审委员会办公室。`, page };
    case 'progress':
      return { title: '申报进度', body: `您的申报（${input.label}）：${status}。`, page };
    case 'result':
      return resultNotice(input, page);
  }
}

/** The committee's result, once published: passed (publicity follows), failed, publicised, certified. */
function resultNotice(input: ReviewNoticeInput, page: string): ReviewNotice {
  switch (input.status) {
    case 'passed':
      return { title: '评审通过', body: `您的申报（${input.label}）评审通过，公示后取得资格，请留意公示通知。`, page };
    case 'failed':
      return { title: '评审未通过', body: `您的申报（${input.label}）本次评审未通过。`, page };
    case 'publicised':
      // The publicity ends as its last day is over: said as that day (公示至2024年10月17日), never as the next midnight.
      return { title: '评审结果公示', body: `您的申报（${input.label}）评审通过，正在公示${input.deadline ? `，公示至${formatBeijingDate(new Date(input.deadline.getTime() - 1))}` : ''}。`, page };
    case 'certified':
      return { title: '取得资格', body: `您的申报（${input.label}）公示期满，已取得资格。`, page };
    default:
      return { title: '评审结果', body: `您的申报（${input.label}）：${statusText(input.status, input.route)}。`, page };
  }
}
