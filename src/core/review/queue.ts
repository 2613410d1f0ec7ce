/**
 * A reviewer's queue and batch approval: how many one batch may name, and what the queue says.
 */

/**
 * How many applications one batch approval may name: a page of the queue is 50, and 200 are
 * approved within a cloud function's few seconds (`npm run bench`: review_batch_approve_200).
 */
export const MAX_BATCH = 200;

export const QUEUE_TEXT = {
  unitNotInScope: '这个单位不在您的审核范围内，请从列表中选择单位。',
} as const;
