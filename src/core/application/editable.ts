import type { ReviewStatus } from '../review/review.machine';

/**
 * Whether the applicant may still change the application and the apply window still concerns
 * them: before submitting, and when it comes back returned. (No schema here: the pages use it.)
 */
export const isEditable = (status: ReviewStatus) => status === 'draft' || status === 'returned';
