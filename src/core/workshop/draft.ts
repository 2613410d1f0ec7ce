import * as z from 'zod';
import { LEVEL_LABELS, WAY_LABELS } from '../eligibility/labels';
import { err, ok, type Result } from '../result';
import { Round, RoundShape, type Boundary, type ExternalRule, type Source } from '../round/round.schema';
import type { FoundValue } from './notice-finder';
import type { RoundDraftRecord } from './draft.record';
import { currentVersion } from '../round/round.version';
import { addedKey, boundaryOf, hasSeries, keyAfterRemoval, Phones, STRUCTURE_EDITS, structureGaps, TimeText, WINDOW_KIND_LABELS, writeStructure, Yuan } from './draft.structure';

export type { DraftCandidate, RoundDraftRecord, TestPerson } from './draft.record';

/**
 * A round in the workshop (试编批次): the HR bureau's or committee's copy of a published round,
 * changed field by field from the new notice until it is published. Pure: the server keeps it,
 * the officer's page shows it; nothing here reads a clock.
 *
 * A field is named by a key (`window:apply`, `fee:0`, `contact:1`, `cap:0`, `issuedOn`, …). A
 * copy for a new year clears every date the notice must give again and lists its key in `toFill`;
 * a candidate the finder proposed enters a field only when accepted (as found or corrected), and
 * its passage becomes the field's clause.
 */

// ---------------------------------------------------------------------------------------------
// Copying

/** The version publishing the draft makes: the next of the round it corrects, or the first of a new year's. */
export const draftVersion = (draft: Pick<RoundDraftRecord, 'kind' | 'basedOn'>): number => (draft.kind === 'correction' && draft.basedOn ? draft.basedOn.version + 1 : 1);

/** `aksu-water-2024` → `aksu-water-2025`. */
export function nextYearId(roundId: string, year: number): string {
  return roundId.replace(/-\d{4}$/, `-${year}`);
}

/** Every `source.file` in a round rewritten to the new notice's file (the schema requires one file per round). */
function withSourceFile<T>(value: T, file: string): T {
  if (Array.isArray(value)) return value.map((v: unknown) => withSourceFile(v, file)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = key === 'file' && typeof v === 'string' && v.endsWith('.txt') ? file : withSourceFile(v, file);
  return out as T;
}

/**
 * A published round as the start of a draft. For a new year: the new id and year, the title's
 * year, every date the notice gives cleared (`not_stated`) and listed to fill, the notice's date
 * and the seniority cut-off listed to fill; fees, contacts and every rule kept, to be checked
 * against the new notice. For a correction: the round as published, with the notice it was published
 * from (`publishedNotice`; the officer pastes the corrected one over it where the notice changed).
 */
export function draftFrom(
  published: Round,
  input: { readonly kind: 'new_year' | 'correction'; readonly year: number; readonly today: string; readonly createdBy: string; readonly now: string; readonly publishedNotice?: string | null },
): RoundDraftRecord {
  const { publication: _publication, ...shape } = published;
  const base = {
    prefecture: published.region.prefecture,
    kind: input.kind,
    basedOn: { roundId: published.id, version: currentVersion(published) },
    noticeText: null,
    candidates: [],
    clauses: {},
    byHand: [],
    unchecked: [],
    committee: null,
    added: [],
    testPeople: [],
    status: 'draft' as const,
    createdBy: input.createdBy,
    createdAt: input.now,
    updatedAt: input.now,
  };
  if (input.kind === 'correction') return { ...base, roundId: published.id, year: published.year, round: shape, toFill: [], noticeText: input.publishedNotice ?? null };
  const roundId = nextYearId(published.id, input.year);
  const file = `${roundId}.txt`;
  const toFill: string[] = ['issuedOn'];
  const cleared = (b: Boundary): Boundary => (b.kind === 'at' ? { kind: 'not_stated' } : b);
  const windows = shape.windows.map((w) => {
    if (w.start.kind === 'at' || w.end.kind === 'at') toFill.push(`window:${w.id}`);
    return { ...w, start: cleared(w.start), end: cleared(w.end) };
  });
  const seniority = shape.seniority.kind === 'cutoff' ? { ...shape.seniority, cutoff: `${input.year}${shape.seniority.cutoff.slice(4)}` } : shape.seniority;
  if (shape.seniority.kind === 'cutoff') toFill.push('seniority');
  const round: RoundShape = withSourceFile(
    {
      ...shape,
      id: roundId,
      year: input.year,
      title: shape.title.replaceAll(String(published.year), String(input.year)),
      sourceFile: file,
      issuedOn: { ...shape.issuedOn, date: input.today },
      windows,
      seniority,
    },
    file,
  );
  return { ...base, roundId, year: input.year, round, toFill, unchecked: carriedKeys(round) };
}

/** The yearly facts a copy carries that the new notice may have changed: each to be taken, typed or confirmed. */
function carriedKeys(round: RoundShape): string[] {
  return [
    'title',
    'issuer',
    'blind',
    ...round.fees.items.map((_, i) => `fee:${i}`),
    ...round.contacts.map((_, i) => `contact:${i}`),
    'submissions',
    ...(round.submission.resubmitAfterReturn.kind === 'within' ? ['resubmit'] : []),
    'publicity',
    ...(round.defense.slotMinutes ? ['defense'] : []),
    ...round.passRates.flatMap((p, i) => (p.cap.kind === 'max_percent' ? [`cap:${i}`] : [])),
  ];
}

// ---------------------------------------------------------------------------------------------
// Fields

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择日期');
const Moment = z.strictObject({ date: DateText, time: TimeText.nullable() });

/** One field's new value, as the form sends it (each with its own message in Chinese). */
export const FieldEdit = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('title'), title: z.string().trim().min(4, '标题至少4个字').max(80, '标题不超过80个字') }),
  z.strictObject({ field: z.literal('issuedOn'), date: DateText }),
  z.strictObject({ field: z.literal('seniority'), date: DateText }),
  z.strictObject({ field: z.literal('window'), id: z.string().min(1), start: Moment.nullable(), end: Moment }),
  z.strictObject({ field: z.literal('fee'), index: z.number().int().min(0), yuan: Yuan }),
  z.strictObject({ field: z.literal('contact'), index: z.number().int().min(0), phones: Phones }),
  z.strictObject({ field: z.literal('cap'), index: z.number().int().min(0), percent: z.number().int('百分比写整数').min(1, '通过率至少1%').max(100, '通过率不超过100%') }),
  z.strictObject({ field: z.literal('submissions'), count: z.number().int('次数写整数').min(1, '至少1次').max(10, '不超过10次') }),
  z.strictObject({ field: z.literal('resubmit'), amount: z.number().int('写整数').min(1, '至少1').max(30 * 24, '时限过长'), unit: z.enum(['hours', 'days']) }),
  z.strictObject({ field: z.literal('publicity'), workingDays: z.number().int('写整数').min(1, '至少1个工作日').max(30, '不超过30个工作日') }),
  z.strictObject({ field: z.literal('defense'), minutes: z.number().int('写整数').min(1, '至少1分钟').max(120, '不超过120分钟') }),
  z.strictObject({ field: z.literal('external'), number: z.string().trim().min(3).max(40), title: z.string().trim().max(80).nullable() }),
  z.strictObject({ field: z.literal('issuer'), name: z.string().trim().min(4, '发文单位至少4个字').max(40, '发文单位不超过40个字') }),
  ...STRUCTURE_EDITS,
]);
export type FieldEdit = z.infer<typeof FieldEdit>;

/** The key a field edit writes. */
export function fieldKey(edit: FieldEdit): string {
  switch (edit.field) {
    case 'window':
      return `window:${edit.id}`;
    case 'fee':
    case 'contact':
    case 'cap':
      return `${edit.field}:${edit.index}`;
    case 'external':
      return `external:${edit.number}`;
    case 'addSeries':
      return 'series:new';
    case 'addWindow':
      return 'window:new';
    case 'addFee':
      return 'fee:new';
    case 'addContact':
      return 'contact:new';
    case 'addMaterial':
      return 'material:new';
    case 'remove':
      return `remove:${edit.key}`;
    case 'feesNone':
      return 'fees';
    case 'confirm':
      return edit.key;
    case 'committee':
      return 'committee';
    default:
      return edit.field;
  }
}

/** The structure edits (`draft.structure.ts`), each with the clause a new item cites when typed by hand (no passage of the notice). */
const STRUCTURE_CLAUSES: Readonly<Record<string, string>> = {
  addSeries: '申报系列',
  addWindow: '时间安排',
  addFee: '收费标准',
  addContact: '联系方式',
  addMaterial: '申报材料',
  blind: '隐名评审',
  feesNone: '收费标准',
  confirm: '核对',
  committee: '评审委员会',
  remove: '删除',
};

/** The clause a field cites once its value comes from the new notice: the accepted passage. */
function sourceFrom(round: RoundShape, clause: string, quote: string | undefined): Source {
  const q = quote?.replace(/\s+/g, ' ').trim().slice(0, 200);
  return { file: round.sourceFile, clause, ...(q ? { quote: q } : {}) };
}

/**
 * The round with one field changed; a refusal (Chinese) when the field does not exist in it. The
 * passage, when there is one, becomes the field's source.
 */
export function writeField(round: RoundShape, edit: FieldEdit, passage?: string, added: readonly string[] = []): Result<RoundShape, string> {
  const cite = (clause: string, source: Source): Source => (passage ? sourceFrom(round, clause, passage) : { file: source.file, clause });
  const structural = STRUCTURE_CLAUSES[edit.field];
  if (structural) return writeStructure(round, edit as Parameters<typeof writeStructure>[1], passage ? sourceFrom(round, structural, passage) : { file: round.sourceFile, clause: structural }, added);
  switch (edit.field) {
    case 'title':
      return ok({ ...round, title: edit.title });
    case 'issuedOn':
      return ok({ ...round, issuedOn: { date: edit.date, source: cite('落款', round.issuedOn.source) } });
    case 'seniority':
      if (round.seniority.kind !== 'cutoff') return err('本批次没有评审资历计算截止日期');
      return ok({ ...round, seniority: { ...round.seniority, cutoff: edit.date, source: cite(round.seniority.source.clause, round.seniority.source) } });
    case 'window': {
      const at = round.windows.findIndex((w) => w.id === edit.id);
      if (at < 0) return err('没有这个时间安排');
      const windows = [...round.windows];
      const w = windows[at]!;
      windows[at] = { ...w, start: edit.start ? boundaryOf(edit.start, 'start') : w.start.kind === 'at' ? { kind: 'not_stated' } : w.start, end: boundaryOf(edit.end, 'end'), source: cite(w.source.clause, w.source) };
      return ok({ ...round, windows });
    }
    case 'fee': {
      const item = round.fees.items[edit.index];
      if (!item) return err('没有这项收费');
      const items = round.fees.items.map((f, i) => (i === edit.index ? { ...f, amountYuan: edit.yuan, source: cite(f.source.clause, f.source) } : f));
      return ok({ ...round, fees: { ...round.fees, items } });
    }
    case 'contact': {
      const contact = round.contacts[edit.index];
      if (!contact) return err('没有这个联系方式');
      const contacts = round.contacts.map((c, i) => (i === edit.index ? { ...c, phones: [...new Set(edit.phones)], source: cite(c.source.clause, c.source) } : c));
      return ok({ ...round, contacts });
    }
    case 'cap': {
      const cap = round.passRates[edit.index];
      if (!cap) return err('没有这项通过率');
      const passRates = round.passRates.map((p, i) => (i === edit.index ? { ...p, cap: { kind: 'max_percent' as const, percent: edit.percent }, source: cite(p.source.clause, p.source) } : p));
      return ok({ ...round, passRates });
    }
    case 'submissions': {
      const m = round.submission.maxSubmissions;
      return ok({ ...round, submission: { ...round.submission, maxSubmissions: { ...m, count: edit.count, source: cite(m.source.clause, m.source) } } });
    }
    case 'resubmit': {
      const r = round.submission.resubmitAfterReturn;
      // A round whose notice set no time limit gets one when the new notice does.
      const was = r.kind === 'within' ? r : { onMissed: 'not_stated' as const, source: { file: round.sourceFile, clause: '退回修改' } };
      return ok({ ...round, submission: { ...round.submission, resubmitAfterReturn: { kind: 'within', onMissed: was.onMissed, amount: edit.amount, unit: edit.unit, source: cite(was.source.clause, was.source) } } });
    }
    case 'publicity':
      return ok({ ...round, unitPublicity: { ...round.unitPublicity, workingDays: edit.workingDays, source: cite(round.unitPublicity.source.clause, round.unitPublicity.source) } });
    case 'defense': {
      const slot = round.defense.slotMinutes;
      if (!slot) return err('本批次没有答辩时长');
      return ok({ ...round, defense: { ...round.defense, slotMinutes: { minutes: edit.minutes, source: cite(slot.source.clause, slot.source) } } });
    }
    case 'external': {
      if (round.externalRules.some((r) => r.document.includes(edit.number))) return ok(round);
      const rule: ExternalRule = {
        id: `doc_${edit.number.replace(/\D+/g, '_').replace(/^_|_$/g, '')}`,
        topic: 'other',
        needed: `按${edit.title ? `《${edit.title}》` : '该文件'}的规定，由审核人员对照核实`,
        document: edit.title ? `《${edit.title}》（${edit.number}）` : edit.number,
        inNotice: false,
        source: sourceFrom(round, '引用文件', passage ?? edit.number),
      };
      return ok({ ...round, externalRules: [...round.externalRules, rule] });
    }
    case 'issuer':
      return ok({ ...round, issuer: { ...round.issuer, name: edit.name, source: cite('落款', round.issuer.source) } });
    default:
      return err('这一项不能在这里修改');
  }
}

/** A boundary given at a time as the form's date and time of day (null when the notice gave only the day). */
export const momentOf = (b: { readonly at: string; readonly given: string }): { date: string; time: string | null } => ({
  date: b.at.slice(0, 10),
  time: b.given === 'date_time' ? b.at.slice(11, 16) : null,
});

/**
 * The draft with one field written: from an accepted passage (offsets into the notice), which becomes
 * its clause, or by hand, which leaves it without one. Either way the field is no longer to fill.
 */
export function withField(
  draft: RoundDraftRecord,
  edit: FieldEdit,
  passage?: { readonly start: number; readonly end: number },
): Result<Pick<RoundDraftRecord, 'round' | 'toFill' | 'clauses' | 'byHand' | 'added' | 'candidates' | 'unchecked'>, string> {
  // A value proposed from the notice is checked as a typed one is (a new series still needs its levels).
  const valid = FieldEdit.safeParse(edit);
  if (!valid.success) return err([...new Set(valid.error.issues.map((i) => i.message))].join('；'));
  const text = passage && draft.noticeText ? draft.noticeText.slice(passage.start, passage.end) : undefined;
  const written = writeField(draft.round, valid.data, text, draft.added);
  if (!written.ok) return written;
  if (edit.field === 'confirm') {
    if (!draft.unchecked.includes(edit.key)) return err('这一项不需要核对（已采用通知内容、已修改或已核对）');
    return ok({ round: draft.round, toFill: draft.toFill, clauses: draft.clauses, byHand: draft.byHand, added: draft.added, candidates: draft.candidates, unchecked: draft.unchecked.filter((k) => k !== edit.key) });
  }
  if (edit.field === 'remove') {
    // Later fees and contacts move up one place: every key that names them moves with them.
    const moved = (keys: readonly string[]) => keys.map((k) => keyAfterRemoval(edit.key, k)).filter((k): k is string => k !== null);
    const clauses = Object.fromEntries(Object.entries(draft.clauses).flatMap(([k, v]) => { const to = keyAfterRemoval(edit.key, k); return to ? [[to, v]] : []; }));
    const candidates = draft.candidates.map((c) => (c.target ? { ...c, target: keyAfterRemoval(edit.key, c.target) } : c));
    return ok({ round: written.value, toFill: moved(draft.toFill), clauses, byHand: moved(draft.byHand), added: moved(draft.added), candidates, unchecked: moved(draft.unchecked) });
  }
  const created = addedKey(draft.round, edit);
  const key = created ?? fieldKey(edit);
  const { [key]: _replaced, ...otherClauses } = draft.clauses;
  // A fee added answers the question of fees as saying there are none does.
  const answered = edit.field === 'addFee' ? [key, 'fees'] : [key];
  return ok({
    round: written.value,
    toFill: draft.toFill.filter((k) => !answered.includes(k)),
    clauses: passage ? { ...otherClauses, [key]: { start: passage.start, end: passage.end } } : otherClauses,
    byHand: passage ? draft.byHand.filter((k) => k !== key) : [...new Set([...draft.byHand, key])],
    added: created ? [...draft.added, created] : draft.added,
    candidates: draft.candidates,
    unchecked: draft.unchecked.filter((k) => k !== key),
  });
}

/**
 * A found value as the edit it proposes for a field of this round, or a refusal when it does not
 * fit that field. A phone number joins the contact's numbers (a notice lists several under one role).
 */
export function editFromFound(value: FoundValue, target: string, round: Pick<RoundShape, 'contacts' | 'series'>): Result<FieldEdit, string> {
  const [field, arg] = target.split(':') as [string, string | undefined];
  const index = Number(arg);
  const fresh = arg === 'new';
  switch (value.kind) {
    case 'window':
      if (field !== 'window' || !arg) return err('时间只能填入时间安排');
      if (fresh) {
        const kind = value.hint ?? 'apply';
        return ok({ field: 'addWindow', kind, label: value.label ?? WINDOW_KIND_LABELS[kind], start: value.start ? momentOf(value.start) : null, end: momentOf(value.end) });
      }
      return ok({ field: 'window', id: arg, start: value.start ? momentOf(value.start) : null, end: momentOf(value.end) });
    case 'date':
      if (field === 'issuedOn' || field === 'seniority') return ok({ field, date: value.date });
      if (field === 'window' && fresh) return ok({ field: 'addWindow', kind: 'apply', label: WINDOW_KIND_LABELS.apply, start: null, end: { date: value.date, time: null } });
      if (field === 'window' && arg) return ok({ field: 'window', id: arg, start: null, end: { date: value.date, time: null } });
      return err('日期只能填入发文日期、资历截止日期或时间安排');
    case 'fee':
      if (field !== 'fee') return err('金额只能填入收费');
      return fresh ? ok({ field: 'addFee', levels: [...value.levels], way: value.ways[0] ?? 'evaluation', yuan: value.yuan }) : ok({ field: 'fee', index, yuan: value.yuan });
    case 'phone':
      if (field === 'contact' && fresh) return ok({ field: 'addContact', role: value.role ?? '咨询电话', phones: [value.phone] });
      if (field !== 'contact' || !round.contacts[index]) return err('电话只能填入联系方式');
      return ok({ field: 'contact', index, phones: [...new Set([...round.contacts[index].phones, value.phone])] });
    case 'pass_rate':
      return field === 'cap' && value.percent !== undefined ? ok({ field: 'cap', index, percent: value.percent }) : err('只有百分比可以填入通过率');
    case 'submission_limit':
      return ok({ field: 'submissions', count: value.count });
    case 'defense_minutes':
      return ok({ field: 'defense', minutes: value.minutes });
    case 'duration':
      if (field === 'publicity' && value.unit === 'working_days') return ok({ field: 'publicity', workingDays: value.amount });
      if (field === 'resubmit' && value.unit !== 'working_days') return ok({ field: 'resubmit', amount: value.amount, unit: value.unit });
      return err('这个时长只能填入公示期（工作日）或退回后修改时限（小时、日）');
    case 'document':
      return ok({ field: 'external', number: value.number, title: value.title ?? null });
    case 'series':
      // The levels and the conditions' document are the officer's to give: 修改后采用.
      if (field === 'series' && fresh && !hasSeries(round, value.name)) return ok({ field: 'addSeries', name: value.name, levels: [], conditions: '' });
      return err('本批次已有这个系列；只供核对');
    case 'specialty':
      return err('专业沿用上一版本；通知新增的专业需要技术人员添加');
  }
}

/** Where a found value would go by default: the field it most likely fills in this round. */
export function defaultTarget(round: RoundShape, value: FoundValue): string | null {
  switch (value.kind) {
    case 'window': {
      const byHint = value.hint ? round.windows.filter((w) => w.kind === value.hint) : [];
      const byLabel = byHint.find((w) => value.label && (w.label.includes(value.label) || value.label.includes(w.label)));
      const w = byLabel ?? byHint[0];
      return w ? `window:${w.id}` : value.hint ? 'window:new' : null;
    }
    case 'date':
      return value.hint === 'issued_on' ? 'issuedOn' : value.hint === 'seniority_cutoff' && round.seniority.kind === 'cutoff' ? 'seniority' : null;
    case 'fee': {
      const i = round.fees.items.findIndex((f) => value.ways.includes(f.way) && f.levels.some((l) => value.levels.includes(l)));
      return i >= 0 ? `fee:${i}` : value.levels.length > 0 ? 'fee:new' : null;
    }
    case 'phone': {
      const i = round.contacts.findIndex((c) => c.phones.includes(value.phone) || (value.role !== undefined && (c.role.includes(value.role) || value.role.includes(c.role))));
      return i >= 0 ? `contact:${i}` : round.contacts.length > 0 ? 'contact:0' : 'contact:new';
    }
    case 'pass_rate': {
      const i = round.passRates.findIndex((p) => p.levels.length === value.levels.length && p.levels.every((l) => value.levels.includes(l)));
      return i >= 0 && value.percent !== undefined ? `cap:${i}` : null;
    }
    case 'submission_limit':
      return 'submissions';
    case 'defense_minutes':
      return round.defense.slotMinutes ? 'defense' : null;
    case 'duration':
      return value.unit === 'working_days' ? 'publicity' : 'resubmit';
    case 'document':
      return `external:${value.number}`;
    case 'series':
      return hasSeries(round, value.name) ? null : 'series:new';
    default:
      return null;
  }
}

/** The pseudo-keys a candidate may target to become a new item rather than fill one. */
export const NEW_TARGETS: Readonly<Record<string, string>> = {
  'series:new': '新增系列',
  'window:new': '新增时间安排',
  'fee:new': '新增收费',
  'contact:new': '新增联系方式',
};

/** What the field holds now, in words (the form's label beside each value). */
export function fieldLabel(round: RoundShape, key: string): string {
  const [field, arg] = key.split(':') as [string, string | undefined];
  if (NEW_TARGETS[key]) return NEW_TARGETS[key];
  switch (field) {
    case 'issuer':
      return '发文单位';
    case 'series':
      return `申报系列 · ${round.series.find((s) => s.code === arg)?.name ?? ''}`;
    case 'material':
      return `申报材料 · ${round.materials.categories.find((c) => c.code === arg)?.name ?? ''}`;
    case 'blind':
      return '隐名评审';
    case 'fees':
      return '评审收费';
    case 'committee':
      return '评审委员会';
    case 'title':
      return '批次标题';
    case 'issuedOn':
      return '发文日期';
    case 'seniority':
      return '评审资历计算截止日期';
    case 'window':
      return round.windows.find((w) => w.id === arg)?.label ?? '时间安排';
    case 'fee': {
      const f = round.fees.items[Number(arg)];
      return f ? `评审费 · ${f.levels.map((l) => LEVEL_LABELS[l]).join('、')} · ${WAY_LABELS[f.way]}` : '评审费';
    }
    case 'contact':
      return `联系方式 · ${round.contacts[Number(arg)]?.role ?? ''}`;
    case 'cap': {
      const p = round.passRates[Number(arg)];
      return p ? `通过率上限 · ${p.levels.map((l) => LEVEL_LABELS[l]).join('、')}` : '通过率上限';
    }
    case 'submissions':
      return '提交次数上限';
    case 'resubmit':
      return '退回后修改时限';
    case 'publicity':
      return '单位公示期（工作日）';
    case 'defense':
      return '每人答辩时长';
    case 'external':
      return `需人工核对的文件 · ${arg ?? ''}`;
    default:
      return key;
  }
}

// ---------------------------------------------------------------------------------------------
// Checks before publishing

export interface DraftCheck {
  /** The field to open (a key), or null for the round as a whole. */
  readonly target: string | null;
  readonly message: string;
  /** A field carried from last year not yet checked (its own line says so: the list shows it, the field need not twice). */
  readonly carried?: true;
}

/** The key of the field a schema path belongs to (`['windows', 2, 'end', 'at']` → `window:<id>`). */
function keyOfPath(round: RoundShape, path: readonly PropertyKey[]): string | null {
  const [a, b, c] = path;
  if (a === 'windows' && typeof b === 'number') return round.windows[b] ? `window:${round.windows[b].id}` : null;
  if (a === 'fees' && b === 'items' && typeof c === 'number') return `fee:${c}`;
  if (a === 'contacts' && typeof b === 'number') return `contact:${b}`;
  if (a === 'passRates' && typeof b === 'number') return `cap:${b}`;
  if (a === 'issuedOn') return 'issuedOn';
  if (a === 'title') return 'title';
  if (a === 'series' || a === 'offers') return 'section:series';
  return null;
}

/**
 * Everything that stops the draft from being published, in Chinese, each with the field it is
 * about: fields still to fill, the round schema's own checks (windows in order, every offered
 * level with its fee, …), dates before the notice's date, candidates not yet decided.
 */
export function draftChecks(draft: RoundDraftRecord): DraftCheck[] {
  return checkDraft(draft).checks;
}

/** The checks, and the round as validated when the schema takes it (what the preview assesses). */
export function checkDraft(draft: RoundDraftRecord): { readonly checks: DraftCheck[]; readonly round: Round | null } {
  const round = draft.round;
  const why = draft.kind === 'empty' ? '请按新通知填写' : '上一版本的日期已清空，请按新通知填写';
  const checks: DraftCheck[] = draft.toFill.map((key) => ({ target: key, message: `${fieldLabel(round, key)}：尚未填写（${why}）` }));
  checks.push(...structureGaps(round));
  const unchecked = draft.kind === 'empty' ? '尚未与通知核对（采用通知中的内容、修改，或确认与通知一致）' : '沿用上一版本，尚未与新通知核对（采用通知中的内容、修改，或确认与新通知一致）';
  checks.push(...draft.unchecked.map((key) => ({ target: key, message: `${fieldLabel(round, key)}：${unchecked}`, carried: true as const })));
  const parsed = Round.safeParse(round);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // A round with no series yet has no offers either: the gap above says so once.
      if (round.series.length === 0 && (issue.path[0] === 'series' || issue.path[0] === 'offers')) continue;
      const target = keyOfPath(round, issue.path);
      const label = target ? fieldLabel(round, target) : '批次数据';
      const message = /ends .* before it starts/.test(issue.message)
        ? '结束时间早于开始时间'
        : /does not offer/.test(issue.message)
          ? '收费的级别本批次不再设置'
          : /has no fee|without a fee|no fee/.test(issue.message)
            ? '有级别没有收费标准，也没有写明不收费'
            : `数据不完整或与其他项不一致（${issue.path.join('.')}）`;
      checks.push({ target, message: `${label}：${message}` });
    }
  }
  for (const w of round.windows) {
    for (const b of [w.start, w.end]) {
      if (b.kind === 'at' && b.at.slice(0, 10) < round.issuedOn.date && !draft.toFill.includes('issuedOn')) {
        checks.push({ target: `window:${w.id}`, message: `${w.label}：日期早于发文日期（${round.issuedOn.date}）` });
        break;
      }
    }
  }
  const pending = draft.candidates.filter((c) => c.decision === 'pending').length;
  if (pending > 0) checks.push({ target: 'candidates', message: `通知中找到的内容还有 ${pending} 条未处理：请逐条采用或忽略` });
  if (!draft.noticeText) checks.push({ target: 'notice', message: '请粘贴新通知的原文：每一项都要以通知为依据' });
  return { checks, round: parsed.success ? parsed.data : null };
}
