import { LEVEL_LABELS, WAY_LABELS } from '../eligibility/labels';
import type { Boundary, Round, RoundShape } from '../round/round.schema';
import { formatBeijingDate, formatBeijingDateTime } from '../time/format';
import { checkDraft, defaultTarget, draftVersion, editFromFound, fieldLabel, momentOf as momentOfFound, NEW_TARGETS, type DraftCheck, type FieldEdit, type RoundDraftRecord } from './draft';
import { seriesLine } from './draft.structure';
import type { FoundValue } from './notice-finder';
import { previewFor, previewInstant, type PersonPreview } from './preview';
import { testPersonLine } from './test-people';

export interface DraftFieldView {
  readonly key: string;
  readonly label: string;
  /** What it holds now, in words. */
  readonly value: string;
  /** The current value as the form edits it; null when it is not edited here (a copied series or material). */
  readonly edit: FieldEdit | null;
  /** Added by this draft: it can be taken out again. */
  readonly removable: boolean;
  readonly toFill: boolean;
  /** The accepted passage of the new notice, or null while it still cites the version it was copied from. */
  readonly clause: string | null;
  /** Last written by hand (then `clause` is null). */
  readonly byHand: boolean;
  /** Carried from last year and not yet taken from the new notice, typed or confirmed. */
  readonly unchecked: boolean;
}

export interface DraftSectionView {
  readonly id: 'basics' | 'series' | 'windows' | 'fees' | 'contacts' | 'materials' | 'limits' | 'documents';
  readonly title: string;
  readonly fields: readonly DraftFieldView[];
  /** What adding one more starts from (the section's 添加 form), or null when nothing is added here. */
  readonly add: FieldEdit | null;
  /** A line under the section's fields (what is kept from the copy and not listed). */
  readonly note: string | null;
}

export interface DraftCandidateView {
  readonly id: string;
  readonly kindLabel: string;
  /** The value found, in words: 2025年7月22日 至 2025年8月30日 18:00. */
  readonly summary: string;
  readonly start: number;
  readonly end: number;
  readonly decision: 'pending' | 'accepted' | 'corrected' | 'dismissed';
  /** The field it went into, or where it would go by default. */
  readonly target: string | null;
  readonly targetLabel: string | null;
  /** The fields it can go into. */
  readonly targets: readonly { readonly key: string; readonly label: string }[];
  /** For one that goes into no field: what to do with it instead (check it against the round and 忽略). */
  readonly onlyToCheck: string | null;
  /** What it would write into `target`, as the form edits it (corrected before it is accepted); null without a target. */
  readonly proposed: FieldEdit | null;
}

export interface DraftView {
  readonly id: string;
  readonly roundId: string;
  readonly year: number;
  readonly kind: 'new_year' | 'correction' | 'empty';
  readonly title: string;
  readonly status: 'draft' | 'published';
  /** The published round it was copied from; null for a round started from nothing. */
  readonly basedOn: { readonly roundId: string; readonly version: number; readonly title: string } | null;
  /** The version publishing makes. */
  readonly version: number;
  readonly noticeText: string | null;
  readonly candidates: readonly DraftCandidateView[];
  readonly sections: readonly DraftSectionView[];
  readonly checks: readonly DraftCheck[];
  readonly testPeople: readonly { readonly id: string; readonly name: string; readonly line: string }[];
  readonly preview: readonly PersonPreview[];
  /** The round's specialties, for a test person's answers. */
  readonly specialties: readonly { readonly code: string; readonly name: string }[];
  /** Applications in the round (a correction tells each of them). */
  readonly applications: number;
  /**
   * For a round begun from nothing: the committee secretaries of the office's prefecture to choose
   * from, and the one chosen; null for a copied round (it keeps its committee).
   */
  readonly committee: { readonly options: readonly { readonly id: string; readonly name: string; readonly note: string }[]; readonly chosen: string | null } | null;
}

export interface WorkshopView {
  /** Whether the caller's office may begin a round from nothing (an HR bureau; a secretary copies). */
  readonly canStartEmpty: boolean;
  /** The published rounds the caller's office issues, newest first. */
  readonly rounds: readonly { readonly id: string; readonly title: string; readonly year: number; readonly version: number }[];
  readonly drafts: readonly { readonly id: string; readonly roundId: string; readonly title: string; readonly kind: 'new_year' | 'correction' | 'empty'; readonly status: 'draft' | 'published'; readonly version: number; readonly updatedAt: string; readonly open: number }[];
}

const KIND_LABELS: Readonly<Record<FoundValue['kind'], string>> = {
  window: '时间',
  date: '日期',
  duration: '时限',
  fee: '收费',
  phone: '电话',
  series: '系列',
  specialty: '专业',
  pass_rate: '通过率',
  defense_minutes: '答辩时长',
  submission_limit: '提交次数',
  document: '引用文件',
};

const dayText = (iso: string) => formatBeijingDate(new Date(`${iso.slice(0, 10)}T00:00:00+08:00`));
const boundaryText = (b: { at: string; given: string }) => (b.given === 'date_time' ? formatBeijingDateTime(new Date(b.at)) : dayText(b.at));

/** A found value in words. */
export function foundText(v: FoundValue): string {
  switch (v.kind) {
    case 'window':
      return `${v.label ? `${v.label}：` : ''}${v.start ? `${boundaryText(v.start)} 至 ${boundaryText(v.end)}` : `${boundaryText(v.end)} 前`}`;
    case 'date':
      return `${dayText(v.date)}${v.hint === 'issued_on' ? '（落款日期）' : v.hint === 'seniority_cutoff' ? '（资历计算截止）' : ''}`;
    case 'duration':
      return `${v.amount}${v.unit === 'working_days' ? '个工作日' : v.unit === 'hours' ? '小时' : '日'}${v.hint === 'resubmit' ? '（退回后修改）' : v.hint === 'publicity' ? '（公示）' : ''}`;
    case 'fee':
      return `${v.levels.length > 0 ? v.levels.map((l) => LEVEL_LABELS[l]).join('、') : v.label} · ${v.ways.map((w) => WAY_LABELS[w]).join('、')} · ${v.yuan} 元/人`;
    case 'phone':
      return `${v.role ? `${v.role}：` : ''}${v.phone}`;
    case 'series':
      return v.name;
    case 'specialty':
      return `${v.series ?? ''}${v.name}`;
    case 'pass_rate':
      return `${v.levels.map((l) => LEVEL_LABELS[l]).join('、')}：${v.percent === undefined ? '不设通过率' : `不高于 ${v.percent}%`}`;
    case 'defense_minutes':
      return `每人答辩 ${v.minutes} 分钟`;
    case 'submission_limit':
      return `最多提交 ${v.count} 次`;
    case 'document':
      return `${v.title ? `《${v.title}》` : ''}${v.number}（需人工核对）`;
  }
}

const momentOf = (b: Boundary) => (b.kind === 'at' ? momentOfFound(b) : null);
const windowText = (start: Boundary, end: Boundary): string => {
  const side = (b: Boundary) => (b.kind === 'at' ? boundaryText(b) : b.kind === 'announced_later' ? '另行通知' : b.kind === 'after_event' ? '按申报进度' : '未填写');
  return `${side(start)} 至 ${side(end)}`;
};

function sections(record: RoundDraftRecord): DraftSectionView[] {
  const round = record.round;
  const text = record.noticeText ?? '';
  const field = (key: string, value: string, edit: FieldEdit | null): DraftFieldView => {
    const clause = record.clauses[key];
    return {
      key,
      label: fieldLabel(round, key),
      value,
      edit,
      removable: record.added.includes(key),
      toFill: record.toFill.includes(key),
      clause: clause ? text.slice(clause.start, clause.end) : null,
      byHand: record.byHand.includes(key),
      unchecked: record.unchecked.includes(key),
    };
  };
  const materials = round.materials.categories.filter((c) => record.added.includes(`material:${c.code}`));
  const kept = round.materials.categories.length - materials.length;
  const blind = round.materials.masking.blindReview;
  const dated = round.windows.filter((w) => w.start.kind !== 'after_event' || w.end.kind === 'at' || record.toFill.includes(`window:${w.id}`));
  const slot = round.defense.slotMinutes;
  const resubmit = round.submission.resubmitAfterReturn;
  return [
    {
      id: 'basics',
      title: '基本信息',
      fields: [
        field('title', round.title, { field: 'title', title: round.title }),
        field('issuer', round.issuer.name, { field: 'issuer', name: round.issuer.name }),
        field('issuedOn', dayText(round.issuedOn.date), { field: 'issuedOn', date: round.issuedOn.date }),
        ...(round.seniority.kind === 'cutoff' ? [field('seniority', dayText(round.seniority.cutoff), { field: 'seniority', date: round.seniority.cutoff })] : []),
        field('blind', blind ? '隐名评审：专家只看遮盖后的材料' : '不隐名评审', { field: 'blind', on: blind }),
      ],
      add: null,
      note: null,
    },
    {
      id: 'series',
      title: '申报系列与级别',
      fields: round.series.map((s) => field(`series:${s.code}`, seriesLine(round, s.code), null)),
      add: { field: 'addSeries', name: '', levels: [], conditions: '' },
      note: '每个系列的申报条件和职称名称，按所填文件由审核人员核对；自测会提示申报人对照该文件。',
    },
    {
      id: 'windows',
      title: '时间安排',
      add: { field: 'addWindow', kind: 'review', label: '', start: null, end: { date: '', time: null } },
      note: null,
      fields: dated.map((w) => {
        const end = momentOf(w.end);
        return field(`window:${w.id}`, windowText(w.start, w.end), { field: 'window', id: w.id, start: momentOf(w.start), end: end ?? { date: '', time: null } });
      }),
    },
    {
      id: 'fees',
      title: '评审收费',
      fields: [
        ...(record.toFill.includes('fees') ? [field('fees', '', { field: 'feesNone' })] : []),
        ...(round.fees.items.length === 0 && !record.toFill.includes('fees') ? [field('fees', '通知未规定收费', null)] : []),
        ...round.fees.items.map((f, i) => field(`fee:${i}`, `${f.amountYuan} 元/人`, { field: 'fee', index: i, yuan: f.amountYuan })),
      ],
      add: { field: 'addFee', levels: [], way: 'evaluation', yuan: Number.NaN },
      note: null,
    },
    {
      id: 'contacts',
      title: '联系方式',
      fields: round.contacts.map((c, i) => field(`contact:${i}`, c.phones.join('、'), { field: 'contact', index: i, phones: [...c.phones] })),
      add: { field: 'addContact', role: '', phones: [] },
      note: null,
    },
    {
      id: 'materials',
      title: '申报材料',
      fields: materials.map((c) =>
        field(`material:${c.code}`, `${c.required.kind === 'always' ? '必须提交' : '如有则提交'} · ${c.stage === 'online' ? '网上上传' : '报送纸质材料'}${c.experts === 'never' ? ' · 含身份信息，专家不可见' : ''}`, null),
      ),
      add: { field: 'addMaterial', name: '', required: 'always', stage: 'online', identity: false },
      note: kept > 0 ? `另有沿用上一版本的 ${kept} 项材料，不在这里修改。` : null,
    },
    {
      id: 'limits',
      title: '次数、时限与通过率',
      fields: [
        field('submissions', `最多 ${round.submission.maxSubmissions.count} 次`, { field: 'submissions', count: round.submission.maxSubmissions.count }),
        resubmit.kind === 'within'
          ? field('resubmit', `${resubmit.amount}${resubmit.unit === 'hours' ? '小时' : '日'}内`, { field: 'resubmit', amount: resubmit.amount, unit: resubmit.unit })
          : field('resubmit', '通知未规定', { field: 'resubmit', amount: Number.NaN, unit: 'days' }),
        field('publicity', `不少于 ${round.unitPublicity.workingDays} 个工作日`, { field: 'publicity', workingDays: round.unitPublicity.workingDays }),
        ...(slot ? [field('defense', `${slot.minutes} 分钟`, { field: 'defense', minutes: slot.minutes })] : []),
        ...round.passRates.flatMap((p, i) => (p.cap.kind === 'max_percent' ? [field(`cap:${i}`, `不高于 ${p.cap.percent}%`, { field: 'cap', index: i, percent: p.cap.percent })] : [])),
      ],
      add: null,
      note: null,
    },
    {
      id: 'documents',
      title: '需人工核对的文件',
      fields: round.externalRules.map((r) => {
        const number = /[\u4e00-\u9fa5]{2,8}〔\d{4}〕\d+号/.exec(r.document)?.[0] ?? r.document;
        return { key: `external:${number}`, label: r.document, value: r.needed, edit: null, removable: false, toFill: false, clause: r.source.quote ?? null, byHand: false, unchecked: false };
      }),
      add: null,
      note: null,
    },
  ];
}

const unwrap = <T>(r: { ok: true; value: T } | { ok: false }): T | null => (r.ok ? r.value : null);

/** Every field key of the draft with its label: where a candidate may go. */
function allTargets(round: RoundShape, view: readonly DraftSectionView[]): { key: string; label: string }[] {
  const fields = view.filter((s) => s.id !== 'documents' && s.id !== 'materials').flatMap((s) => s.fields.filter((f) => f.edit !== null).map((f) => ({ key: f.key, label: fieldLabel(round, f.key) })));
  return [...fields, ...Object.entries(NEW_TARGETS).map(([key, label]) => ({ key, label }))];
}

const targetFits = (kind: FoundValue['kind'], key: string): boolean => {
  const field = key.split(':')[0];
  switch (kind) {
    case 'window':
      return field === 'window';
    case 'date':
      return field === 'window' || field === 'issuedOn' || field === 'seniority';
    case 'fee':
      return field === 'fee';
    case 'phone':
      return field === 'contact';
    case 'pass_rate':
      return field === 'cap';
    case 'duration':
      return field === 'publicity' || field === 'resubmit';
    case 'submission_limit':
      return field === 'submissions';
    case 'defense_minutes':
      return field === 'defense';
    case 'series':
      return key === 'series:new';
    default:
      return false;
  }
};

/**
 * The draft as the workshop page shows it: the candidates with their passages and where each
 * would go, the form by sections with each field's clause, the checks before publishing, and the
 * preview of every test person under the draft beside the published version.
 */
export function draftView(
  id: string,
  record: RoundDraftRecord,
  published: Round | null,
  now: Date,
  applications: number,
  secretaries: readonly { readonly id: string; readonly name: string; readonly note: string }[] = [],
): DraftView {
  const round = record.round;
  const view = sections(record);
  const targets = allTargets(round, view);
  const candidates: DraftCandidateView[] = record.candidates.map((c) => {
    const target = c.target ?? defaultTarget(round, c.value);
    const fits = c.value.kind === 'document' ? [{ key: `external:${c.value.number}`, label: '需人工核对的文件' }] : targets.filter((t) => targetFits(c.value.kind, t.key));
    return {
      id: c.id,
      kindLabel: KIND_LABELS[c.value.kind],
      summary: foundText(c.value),
      start: c.start,
      end: c.end,
      decision: c.decision,
      target,
      targetLabel: target ? (target.startsWith('external:') ? '需人工核对的文件' : fieldLabel(round, target)) : null,
      proposed: target ? unwrap(editFromFound(c.value, target, round)) : null,
      onlyToCheck:
        c.value.kind === 'specialty' || (c.value.kind === 'series' && !target)
          ? c.value.kind === 'series'
            ? '本批次已有这个系列，这里只供核对。核对后点“已核对”。'
            : '专业沿用上一版本，这里只供核对；通知新增的专业需要技术人员添加。核对后点“已核对”。'
          : target || fits.length > 0
            ? null
            : '本批次没有可填入的项目；与批次无关的，点“已核对”。',
      targets: fits,
    };
  });
  const { checks, round: valid } = checkDraft(record);
  const preview =
    valid && record.testPeople.length > 0
      ? record.testPeople.map((p) => previewFor(p, valid, published, { draft: previewInstant(valid, now), published: published ? previewInstant(published, now) : now }))
      : [];
  return {
    id,
    roundId: record.roundId,
    year: record.year,
    kind: record.kind,
    title: round.title,
    status: record.status,
    basedOn: record.basedOn ? { ...record.basedOn, title: published?.title ?? record.basedOn.roundId } : null,
    version: draftVersion(record),
    noticeText: record.noticeText,
    candidates,
    sections: view,
    checks,
    testPeople: record.testPeople.map((p) => ({ id: p.id, name: p.name, line: testPersonLine(p) })),
    preview,
    specialties: round.specialties.map((s) => ({ code: s.code, name: s.name })),
    applications,
    committee: record.kind === 'empty' ? { options: secretaries, chosen: record.committee } : null,
  };
}
