import { allCollections } from './collections';

/**
 * The cloud database a deployment needs: its collections and composite indexes, each with the
 * query it serves. WeChat's cloud database (CloudBase) allows at most 100 indexes a collection; a
 * composite index serves queries on a prefix of its fields; a sort must follow the index's
 * directions or their full inverse. Every find the cloud store issues ends its sort with `_id` (a
 * unique last key, so pages never swap documents), so an index for a sorted or paged query ends
 * with `_id` too. `_id` itself is indexed by the platform.
 *
 * `test/cloud/bundles.test.ts`, the weapp smoke test and every server test over the harness check
 * that each query they issue is served by an index declared here (`unservedQueries`).
 */
export interface IndexField {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

export interface IndexSpec {
  /** The name to create it under in the console (letters, digits, underscores). */
  readonly name: string;
  readonly fields: readonly IndexField[];
  /** The query it is for, in words. */
  readonly serves: string;
}

export interface QueryShape {
  readonly collection: string;
  readonly filters: readonly { readonly field: string; readonly op: string }[];
  readonly orderBy: readonly IndexField[];
}

const asc = (field: string): IndexField => ({ field, direction: 'asc' });
const desc = (field: string): IndexField => ({ field, direction: 'desc' });
const index = (serves: string, ...fields: IndexField[]): IndexSpec => ({ name: fields.map((f) => `${f.field.replace(/\./g, '_')}_${f.direction === 'asc' ? 1 : -1}`).join('__'), fields, serves });

/**
 * A reviewer's queue in one scope (`review/queue.ts`): its fields, then the round, the level and
 * whether ever returned (each chosen or listed whole, so one index serves every filter), newest
 * first; and the same searched by the start of a name or by the ID number's last digits.
 */
function queueIndexes(scope: string, ...fields: IndexField[]): IndexSpec[] {
  const narrowed = [...fields, asc('roundId'), asc('level'), asc('everReturned')];
  return [
    index(`${scope}；批次、级别、是否退回过，最新在前`, ...narrowed, desc('createdAt'), asc('_id')),
    index(`${scope}；同上，按姓名开头搜索`, ...narrowed, asc('applicantName'), desc('createdAt'), asc('_id')),
    index(`${scope}；同上，按身份证号末几位搜索`, ...narrowed, asc('idTail'), desc('createdAt'), asc('_id')),
  ];
}

/** Indexes by collection; a collection not named here needs none beyond `_id`. */
export const databaseIndexes: Readonly<Record<string, readonly IndexSpec[]>> = {
  people: [
    index('登录：按 OPENID 找人（每个 OPENID 一人）', asc('openid'), asc('_id')),
    index('评审会：某一角色的人（本批次的专家）；发布新年度批次时上一年度评审委员会的秘书和专家', asc('role'), asc('_id')),
  ],
  units: [
    index('凭邀请码加入单位', asc('inviteCode'), asc('_id')),
    index('我登记的单位，最新在前', asc('registeredBy'), desc('registeredAt'), asc('_id')),
    index('人社局待审核的单位登记', asc('status'), asc('prefecture'), asc('_id')),
    index('人社局已处理的单位登记，最近的在前', asc('status'), asc('prefecture'), desc('decided.at'), asc('_id')),
    index('同一统一社会信用代码只登记一个单位', asc('creditCode'), asc('_id')),
  ],
  rounds: [index('首页的评审批次，新的年份在前', desc('year'), asc('_id'))],
  roundNotices: [index('更正通知尚未发完的批次版本', asc('done'), asc('_id'))],
  roundDrafts: [index('本地（州）人社局和评审委员会的试编批次', asc('prefecture'), asc('_id'))],
  applications: [
    index('同一人同一年的申报（同一系列只走一个渠道）', asc('personId'), asc('year'), asc('_id')),
    index('我的申报，最新在前', asc('personId'), desc('createdAt'), asc('_id')),
    index('单位的花名册：某批次、某单位，按提交先后', asc('roundId'), asc('status'), asc('unit.unitId'), asc('createdAt'), asc('_id')),
    index('批次的花名册与评委会秘书的列表：某（些）批次、某些状态，按提交先后', asc('roundId'), asc('status'), asc('createdAt'), asc('_id')),
    index('期限的定时任务：等待退回或缴费期限的申报', asc('status'), asc('_id')),
    index('批次发布更正后通知该批次的每个申报人', asc('roundId'), asc('_id')),
    ...queueIndexes('单位管理员（及地区、县级审核人员选定单位）的队列：本单位、审核路线、状态', asc('unit.unitId'), asc('unit.route'), asc('status')),
    ...queueIndexes('县级审核队列：本县、单位级别、审核路线、状态', asc('unit.prefecture'), asc('unit.county'), asc('unit.level'), asc('unit.route'), asc('status')),
    ...queueIndexes('地区审核队列：本地区、审核路线、状态、单位级别', asc('unit.prefecture'), asc('unit.route'), asc('status'), asc('unit.level')),
  ],
  outbox: [index('待发送的消息，先到先发', asc('status'), asc('createdAt'), asc('_id'))],
  inbox: [index('我的站内通知，最新在前', asc('personId'), desc('at'), asc('_id'))],
  defenseSessions: [index('一个批次的答辩场次', asc('roundId'), asc('_id'))],
  defenseSlots: [
    index('答辩提醒的定时任务：已发布、即将开始', asc('published'), asc('startsAt'), asc('_id')),
    index('一个批次的答辩安排，按时间', asc('roundId'), asc('startsAt'), asc('_id')),
  ],
  meetings: [
    index('一个批次的评审会', asc('roundId'), asc('_id')),
    index('秘书或专家的评审会列表，最新在前', asc('roundId'), desc('createdAt'), asc('_id')),
  ],
  votes: [index('一次评审会的表决', asc('meetingId'), asc('_id'))],
  uploads: [index('重试的收据检查：某人按上传内容找已检查的照片', asc('personId'), asc('uploadSha256'), asc('_id'))],
  pendingUploads: [
    index('上传配额：某人已登记、未用上的上传', asc('personId'), asc('_id')),
    index('清理定时任务：登记超过一天的上传', asc('reservedAt'), asc('_id')),
  ],
};

/** The platform's own index on `_id`. */
const ID_INDEX: IndexSpec = { name: '_id_', fields: [asc('_id')], serves: '按 _id 读取' };

/** Whether `spec` serves `query`: its filter fields are the index's first fields, then its sort in order (or wholly reversed). */
export function serves(spec: Pick<IndexSpec, 'fields'>, query: Pick<QueryShape, 'filters' | 'orderBy'>): boolean {
  const filterFields = new Set(query.filters.map((f) => f.field));
  const prefix = spec.fields.slice(0, filterFields.size);
  if (prefix.length !== filterFields.size || !prefix.every((f) => filterFields.has(f.field))) return false;
  // Sorting on a field an equality filter fixes changes nothing.
  const equal = new Set(query.filters.filter((f) => f.op === 'eq').map((f) => f.field));
  let sort = query.orderBy.filter((s) => !equal.has(s.field));
  // A range on the prefix's last field, sorted first by that field: the index holds that order already
  // (a page after a cursor: `roundId` equal, `_id` after the last one read, by `_id`).
  const last = prefix.at(-1);
  if (last && sort[0]?.field === last.field && !equal.has(last.field)) sort = sort.slice(1);
  const rest = spec.fields.slice(filterFields.size, filterFields.size + sort.length);
  if (rest.length !== sort.length) return false;
  const same = sort.every((s, i) => rest[i]!.field === s.field && rest[i]!.direction === s.direction);
  const inverse = sort.every((s, i) => rest[i]!.field === s.field && rest[i]!.direction !== s.direction);
  return same || inverse;
}

/** The queries no declared index serves (nor the platform's `_id` index), each once. */
export function unservedQueries(queries: readonly QueryShape[]): QueryShape[] {
  const declared = new Set(allCollections.map((c) => c.name));
  const seen = new Set<string>();
  return queries.filter((query) => {
    const key = JSON.stringify(query);
    if (seen.has(key)) return false;
    seen.add(key);
    if (!declared.has(query.collection)) return true;
    return ![ID_INDEX, ...(databaseIndexes[query.collection] ?? [])].some((spec) => serves(spec, query));
  });
}

export { asc, desc, index };
