/**
 * What the committee's secretary is told when a step of the defense plan is refused, and why an
 * applicant is not in the plan: what happened and what to do, in plain Chinese.
 */
export const PLAN_TEXT = {
  sessionDate: '答辩日期',
  slotMinutes: (minutes: number, clause: string) => `通知规定每人答辩 ${minutes} 分钟（${clause}），请按 ${minutes} 分钟设置。`,
  noSuchSession: '没有这个答辩场次。',
  sessionInUse: '这个场次已经排了人，请先把他们调到别的场次再删除。',
  nobodyToAssign: (published: boolean) => (published ? '需要答辩的申报人都已经有时段了。' : '还没有需要答辩的申报人：缴费后、需要答辩的申报才排答辩。'),
  notAssigned: '还没有排答辩时段，请先自动排。',
  unscheduled: (names: readonly string[]) => `还有 ${names.length} 位需要答辩的申报人没有时段（${names.join('、')}），请先排好再发布。`,
  noDefense: '不需要答辩。',
  feeFirst: '还没有缴费：缴费后才排答辩。',
} as const;
