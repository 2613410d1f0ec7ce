import type { ApplicationEvent } from '../application/application.schema';
import { roleLabels, Role } from '../people/person';
import { RETURN_REASON_TEXT } from './return-reasons';
import type { Actor } from './review.machine';

/** One line of the timeline: when, what happened, who did it, and what they asked. */
export interface TimelineLine {
  readonly at: string;
  readonly what: string;
  readonly who: string;
  readonly reasons: readonly string[];
  readonly opinion: string;
}

const WHAT: Readonly<Record<ApplicationEvent['kind'], string>> = {
  created: '开始准备申报材料',
  submit: '提交申报',
  approve: '审核通过',
  return: '退回修改',
  abandon_overdue: '逾期未重新提交，视为放弃申报',
  expire_fee: '缴费期限已过，未缴纳评审费，不予评审',
  withdraw: '撤回申报',
  receive_materials: '评审委员会接收材料',
  record_fee: '缴纳评审费',
  record_defense: '完成答辩',
  evaluate_pass: '评审通过',
  evaluate_fail: '评审未通过',
  publicise: '公示',
  certify: '取得资格',
};

export const ACTOR_TEXT = (role: string): string => (role === 'system' ? '系统' : Role.safeParse(role).success ? roleLabels[role as Role] : '');

/** The words of a return reason: 学历学位证书：照片不清晰（第2张看不清）. */
export function reasonText(reason: ApplicationEvent['reasons'][number], categoryNames: Readonly<Record<string, string>>): string {
  const where = categoryNames[reason.category] ?? (reason.category === 'identity' ? '身份证号' : '整体');
  return `${where}：${RETURN_REASON_TEXT[reason.kind]}${reason.text ? `（${reason.text}）` : ''}`;
}

export function timelineLine(event: ApplicationEvent, categoryNames: Readonly<Record<string, string>>): TimelineLine {
  const approvedTo = event.kind === 'approve' && event.to === 'formal_review_passed' ? '审核通过（通过形式审核）' : null;
  return {
    at: event.at,
    what: approvedTo ?? (event.kind === 'submit' && event.from === 'returned' ? '修改后重新提交' : WHAT[event.kind]),
    who: ACTOR_TEXT(event.role as Actor),
    reasons: event.reasons.map((r) => reasonText(r, categoryNames)),
    opinion: event.opinion,
  };
}
