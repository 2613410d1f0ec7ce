import { forgetStored, keepStored, readStored } from '../../services/storage';
import { Profile } from '../../core/eligibility/profile';

/**
 * The self-check's answers live on the phone: they survive closing the app, work offline, and are
 * what the application form starts from later.
 */
const DRAFT_KEY = 'self-check-draft';

export interface Draft {
  readonly roundId: string;
  readonly profile: Profile;
  /** The question the person was on, by id. */
  readonly questionId: string | null;
  /** `answers`: the answer summary (修改回答 on the result opens it). */
  readonly view?: 'answers';
}

export function loadDraft(): Draft | null {
  const raw: unknown = readStored(DRAFT_KEY);
  if (!raw || typeof raw !== 'object') return null;
  const { roundId, profile, questionId, view } = raw as Record<string, unknown>;
  const parsed = Profile.safeParse(profile);
  // A draft from an older version that no longer fits is dropped rather than half-used.
  if (typeof roundId !== 'string' || !parsed.success) return null;
  return { roundId, profile: parsed.data, questionId: typeof questionId === 'string' ? questionId : null, ...(view === 'answers' ? { view } : {}) };
}

export function saveDraft(draft: Draft): void {
  keepStored(DRAFT_KEY, draft);
}

export function clearDraft(): void {
  forgetStored(DRAFT_KEY);
}
