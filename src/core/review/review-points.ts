import type { Round } from '../round/round.schema';

/**
 * The round's review points a reviewer ticked when approving (谁审查谁负责): only the round's own
 * points may be recorded; a refusal names what is not one of them, or null when all are.
 */
export function unknownPointsRefusal(round: Pick<Round, 'reviewPoints'>, checked: readonly string[]): string | null {
  const known = round.reviewPoints?.items ?? [];
  const unknown = checked.filter((point) => !known.includes(point));
  return unknown.length === 0 ? null : `“${unknown.join('、')}”不是本批次通知列出的审核要点，请刷新页面后重新勾选。`;
}
