import type { NoticeDraft } from '../messages/notice-draft';
import { PAGES } from '../pages';

/**
 * The in-app notice an applicant gets when the round they applied in is corrected: what changed
 * (the change note) and whether it applies to their application or it keeps the version it reads
 * (the one it was started under, or a later one that applied to all). One per application and version, however often publishing is retried.
 */
export function roundChangedNotice(input: {
  readonly roundId: string;
  readonly title: string;
  readonly version: number;
  readonly changeNote: string;
  readonly appliesToAll: boolean;
  readonly applicationId: string;
  readonly personId: string;
  readonly keeps: number;
}): NoticeDraft {
  const applies = input.appliesToAll
    ? '这项更正适用于所有申报，您的申报已按新版本办理。'
    : `您的申报不受这项更正影响，仍按第 ${input.keeps} 版通知办理。`;
  return {
    dedupeKey: `round-changed:${input.roundId}:v${input.version}:${input.applicationId}`,
    personId: input.personId,
    applicationId: input.applicationId,
    kind: 'progress',
    title: '评审批次通知有更正',
    body: `“${input.title}”发布了第 ${input.version} 版：${input.changeNote}。${applies}`,
    page: PAGES.application(input.applicationId),
    subscription: null,
  };
}
