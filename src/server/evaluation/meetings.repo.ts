import * as z from 'zod';
import { MeetingRecord } from '../../core/evaluation/meeting';
import { Vote } from '../../core/evaluation/votes';
import { collections } from '../collections';
import { parseFields } from '../docs';
import { repository } from '../repository';

/** Evaluation meetings as the store keeps them. */
export const meetings = repository(collections.meetings, (doc) => parseFields(MeetingRecord, doc));

/** One expert's vote on one application of a meeting (`_id`: see `voteId`). */
export const VoteDoc = z.object({
  meetingId: z.string(),
  applicationId: z.string(),
  expertId: z.string(),
  vote: Vote,
  at: z.string(),
});
export type VoteDoc = z.infer<typeof VoteDoc>;

export const votes = repository(collections.votes, (doc) => parseFields(VoteDoc, doc));

/** One vote per expert and application of a meeting: a second vote replaces the first. */
export const voteId = (meetingId: string, expertId: string, code: number) => `${meetingId}:${expertId}:${code}`;
