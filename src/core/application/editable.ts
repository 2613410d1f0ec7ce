import type { ReviewStatus } from '../review/review.machine';
import { EDITABLE } from '../review/table-reads';

/**
 * Whether the applicant may still change the application and the apply window still concerns
 * them: in the statuses the review table lets the applicant submit from (before submitting, and
 * when it comes back returned).
 */
export const isEditable = (status: ReviewStatus): boolean => EDITABLE.includes(status);
