import type { CollectionSpec } from './ports/store.port';

/** Every collection the functions use, with the fields their queries filter or sort on. */
export const collections = {
  people: { name: 'people', indexes: ['openid', 'role', 'unitId', 'county'] },
  units: { name: 'units', indexes: ['prefecture', 'county', 'status', 'inviteCode', 'registeredBy'] },
  rounds: { name: 'rounds', indexes: ['year'] },
  /** Earlier versions of rounds published from the workshop (`_id` = `<round>@<version>`): what an application started under keeps. */
  roundVersions: { name: 'roundVersions', indexes: [] },
  /** The workshop's drafts (`_id` = `<round>:v<version>`), by the prefecture of the office that issues the round. */
  roundDrafts: { name: 'roundDrafts', indexes: ['prefecture'] },
  /**
   * A correction's notices still to go out (`_id` = `<round>@<version>`): publishing tells the first
   * page of the round's applications in its own commit, the rounds timer the rest, a page a commit.
   */
  roundNotices: { name: 'roundNotices', indexes: ['done'] },
  /** The official notice behind each round, as text (`_id` = the round's id). */
  notices: { name: 'notices', indexes: [] },
  /** The local runtime's record of the subscription messages it would have sent (dev console). */
  sentMessages: { name: 'sentMessages', indexes: ['toOpenid', 'sentAt'] },
  /** Applications, one per person × round × offered level (`_id` = `<person>:<round>:<offer>:<level>`). */
  applications: { name: 'applications', indexes: ['personId', 'roundId', 'year', 'status', 'unit.unitId', 'unit.prefecture', 'unit.county', 'unit.level', 'applicantName', 'createdAt', 'returnDeadline'] },
  /** Messages caused by state changes, written with them, delivered after (`outbox.ts`; `_id` = dedupe key). */
  outbox: { name: 'outbox', indexes: ['status', 'createdAt', 'personId'] },
  /** In-app notices, one per delivered outbox entry (`_id` = the entry's dedupe key). */
  inbox: { name: 'inbox', indexes: ['personId', 'at'] },
  /**
   * Subscription credits (`_id` = `<person>:<template>`): how many messages of a one-time template
   * the person has allowed and not yet received. Each accepted prompt adds one; each send uses one.
   */
  subscriptionCredits: { name: 'subscriptionCredits', indexes: ['personId'] },
  /** Defense sessions a committee secretary sets up (`_id` generated; `roundId` the round). */
  defenseSessions: { name: 'defenseSessions', indexes: ['roundId'] },
  /** Each round's defense schedule: how it was ordered (a draw's seed), whether and when published (`_id` = round id). */
  defenseSchedules: { name: 'defenseSchedules', indexes: [] },
  /** One defense slot per application (`_id` = application id). */
  defenseSlots: { name: 'defenseSlots', indexes: ['roundId', 'personId', 'startsAt', 'published'] },
  /** Evaluation meetings (评审会) of a round's committee (`_id` from the creating request). */
  meetings: { name: 'meetings', indexes: ['roundId'] },
  /** Experts' votes, one per expert and application of a meeting (`_id` = `<meeting>:<expert>:<number>`). */
  votes: { name: 'votes', indexes: ['meetingId', 'expertId'] },
  /** Photos the `applications` function checked by their bytes for another function's action (the fee receipt; `_id` = `<person>:<sha256>`). */
  uploads: { name: 'uploads', indexes: ['personId', 'uploadSha256'] },
  /**
   * Uploads a person announced before sending the file to storage (`_id` = `<person>:<sha256>`):
   * what the per-person quota counts, and what the cleanup timer removes when nothing used it in a day.
   */
  pendingUploads: { name: 'pendingUploads', indexes: ['personId', 'reservedAt'] },
  /** The act each request id named (`_id` = `<person>:<requestId>`): the same id is never taken for another act (`request-ids.ts`). */
  requests: { name: 'requests', indexes: [] },
  /** Wrong invite codes each person tried in the current hour (`_id` = person id): `units.join`'s limit. */
  joinTries: { name: 'joinTries', indexes: [] },
  /** The self-check answers, one per person (`_id` = person id). */
  profiles: { name: 'profiles', indexes: ['roundId'] },
} as const satisfies Record<string, CollectionSpec>;

export const allCollections: readonly CollectionSpec[] = Object.values(collections);
