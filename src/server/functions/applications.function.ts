import { applicationsContract } from '../../core/contracts/functions/applications.contract';
import { createAction } from '../applications/create.action';
import { draftActions } from '../applications/draft.actions';
import { fileActions } from '../applications/masking.actions';
import { readActions } from '../applications/read-models';
import { defineFunction } from '../function';
import { removeStaleUploads } from '../uploads/pending-uploads';

/**
 * `applications`: an applicant's applications. Each is started from the answers the self-check
 * saved for its round and judged again by the same engine on the server's clock: a level the
 * engine says cannot be applied for is refused with its reasons, and one channel per year holds
 * for the same series (specialty) and level (aksu-water-2024 二).
 * Its actions by job: create.action.ts, draft.actions.ts, masking.actions.ts (files and blind
 * copies), read-models.ts.
 */
export const applicationsFunction = defineFunction('applications', applicationsContract, { ...createAction, ...draftActions, ...fileActions, ...readActions }, {
  /** Uploads announced more than a day ago: their files (used or never used) and announcements removed. */
  removeStaleUploads: {
    cron: '0 0 * * * * *',
    everyMs: 60 * 60 * 1000,
    run: (ctx, deps) => removeStaleUploads(ctx.store, ctx.writes, deps.files, ctx.now),
  },
});
