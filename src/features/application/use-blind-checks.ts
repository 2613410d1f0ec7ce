import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import { isEditable } from '../../core/application/editable';
import type { ApplicationView } from '../../core/contracts/api';
import { call } from '../../services/api/client';

/** Checks of one image that fail in a row before it waits for the next visit. */
const MAX_FAILED = 3;

/**
 * Each saved image's blind copy is read for what identifies the applicant after its save (a few
 * seconds each): one at a time, while the page is open; each answer updates the page through
 * `apply`, unless the application changed since it was asked (`version`). After three failed
 * checks an image waits for the next visit, and `gaveUp` says so (its warning says the check did
 * not run).
 */
export function useBlindChecks(id: string, view: ApplicationView | null, version: MutableRefObject<number>, apply: (next: ApplicationView) => void): { gaveUp: (sha256: string) => boolean } {
  const checking = useRef<string | null>(null);
  const failed = useRef(new Map<string, number>());
  const [round, setRound] = useState(0);
  // The page's latest `apply` (a new function each render), for an answer that comes later.
  const applyLatest = useRef(apply);
  applyLatest.current = apply;
  const unchecked =
    view && isEditable(view.status) ? view.files.find((f) => f.hasBlindCopy && !f.identityChecked && f.contentType === 'image/jpeg' && (failed.current.get(f.sha256) ?? 0) < MAX_FAILED) : undefined;
  useEffect(() => {
    if (!unchecked || checking.current) return;
    const sha256 = unchecked.sha256;
    checking.current = sha256;
    const asked = version.current;
    void call('applications', 'checkBlindCopy', { applicationId: id, sha256 }).then((r) => {
      checking.current = null;
      if (r.ok && version.current === asked) return applyLatest.current(r.value);
      if (!r.ok) failed.current.set(sha256, (failed.current.get(sha256) ?? 0) + 1);
      // An answer overtaken by a change, or a failure: asked again (after a pause on failure).
      setTimeout(() => setRound((n) => n + 1), r.ok ? 0 : 3000);
    });
  }, [id, unchecked, view, round, version]);
  return { gaveUp: (sha256) => (failed.current.get(sha256) ?? 0) >= MAX_FAILED };
}
