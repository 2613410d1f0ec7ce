import { PAGES } from '../pages';
import type { NoticeDraft } from './notice-draft';

/** The registrant of a unit is told the HR bureau's decision: approved (they are its admin now), or not and why. */
export function unitDecidedNotice(unit: { readonly id: string; readonly name: string }, registrantId: string, decision: { readonly approve: true } | { readonly approve: false; readonly reason: string }): NoticeDraft {
  return {
    dedupeKey: `unit:${unit.id}#decided`,
    personId: registrantId,
    applicationId: '',
    kind: 'progress',
    title: decision.approve ? '单位登记已通过' : '单位登记未通过',
    body: decision.approve ? `“${unit.name}”已通过审核，您是它的单位管理员。把邀请码发给本单位的申报人，他们用它加入单位。` : `“${unit.name}”没有通过审核：${decision.reason}。请修改后重新登记。`,
    page: PAGES.unit,
  };
}
