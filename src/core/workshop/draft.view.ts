import { LEVEL_LABELS, WAY_LABELS } from '../eligibility/labels';
import type { Boundary, Round, RoundShape } from '../round/round.schema';
import { formatBeijingDate, formatBeijingDateTime } from '../time/format';
import { checkDraft, defaultTarget, draftVersion, editFromFound, fieldLabel, momentOf as momentOfFound, type DraftCheck, type FieldEdit, type RoundDraftRecord } from './draft';
import type { FoundValue } from './notice-finder';
import { previewFor, previewInstant, type PersonPreview } from './preview';
import { testPersonLine } from './test-people';

export interface DraftFieldView {
  readonly key: string;
  readonly label: string;
  /** What it holds now, in words. */
  readonly value: string;
  /** The current value as the form edits it. */
  readonly edit: FieldEdit;
  readonly toFill: boolean;
  /** The accepted passage of the new notice, or null while it still cites the version it was copied from. */
  readonly clause: string | null;
  /** Last written by hand (then `clause` is null). */
  readonly byHand: boolean;
}

export interface DraftSectionView {
  readonly id: 'basics' | 'windows' | 'fees' | 'contacts' | 'limits' | 'documents';
  readonly title: string;
  readonly fields: readonly DraftFieldView[];
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
  readonly kind: 'new_year' | 'correction';
  readonly title: string;
  readonly status: 'draft' | 'published';
  readonly basedOn: { readonly roundId: string; readonly version: number; readonly title: string };
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
}

export interface WorkshopView {
  /** The published rounds the caller's office issues, newest first. */
  readonly rounds: readonly { readonly id: string; readonly title: string; readonly year: number; readonly version: number }[];
  readonly drafts: readonly { readonly id: string; readonly roundId: string; readonly title: string; readonly kind: 'new_year' | 'correction'; readonly status: 'draft' | 'published'; readonly version: number; readonly updatedAt: string; readonly open: number }[];
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
  const field = (key: string, value: string, edit: FieldEdit): DraftFieldView => {
    const clause = record.clauses[key];
    return { key, label: fieldLabel(round, key), value, edit, toFill: record.toFill.includes(key), clause: clause ? text.slice(clause.start, clause.end) : null, byHand: record.byHand.includes(key) };
  };
  const dated = round.windows.filter((w) => w.start.kind !== 'after_event' || w.end.kind === 'at' || record.toFill.includes(`window:${w.id}`));
  const slot = round.defense.slotMinutes;
  const resubmit = round.submission.resubmitAfterReturn;
  return [
    {
      id: 'basics',
      title: '基本信息',
      fields: [
        field('title', round.title, { field: 'title', title: round.title }),
        field('issuedOn', dayText(round.issuedOn.date), { field: 'issuedOn', date: round.issuedOn.date }),
        ...(round.seniority.kind === 'cutoff' ? [field('seniority', dayText(round.seniority.cutoff), { field: 'seniority', date: round.seniority.cutoff })] : []),
      ],
    },
    {
      id: 'windows',
      title: '时间安排',
      fields: dated.map((w) => {
        const end = momentOf(w.end);
        return field(`window:${w.id}`, windowText(w.start, w.end), { field: 'window', id: w.id, start: momentOf(w.start), end: end ?? { date: '', time: null } });
      }),
    },
    {
      id: 'fees',
      title: '评审收费',
      fields: round.fees.items.map((f, i) => field(`fee:${i}`, `${f.amountYuan} 元/人`, { field: 'fee', index: i, yuan: f.amountYuan })),
    },
    {
      id: 'contacts',
      title: '联系方式',
      fields: round.contacts.map((c, i) => field(`contact:${i}`, c.phones.join('、'), { field: 'contact', index: i, phones: [...c.phones] })),
    },
    {
      id: 'limits',
      title: '次数、时限与通过率',
      fields: [
        field('submissions', `最多 ${round.submission.maxSubmissions.count} 次`, { field: 'submissions', count: round.submission.maxSubmissions.count }),
        ...(resubmit.kind === 'within' ? [field('resubmit', `${resubmit.amount}${resubmit.unit === 'hours' ? '小时' : '日'}内`, { field: 'resubmit', amount: resubmit.amount, unit: resubmit.unit })] : []),
        field('publicity', `不少于 ${round.unitPublicity.workingDays} 个工作日`, { field: 'publicity', workingDays: round.unitPublicity.workingDays }),
        ...(slot ? [field('defense', `${slot.minutes} 分钟`, { field: 'defense', minutes: slot.minutes })] : []),
        ...round.passRates.flatMap((p, i) => (p.cap.kind === 'max_percent' ? [field(`cap:${i}`, `不高于 ${p.cap.percent}%`, { field: 'cap', index: i, percent: p.cap.percent })] : [])),
      ],
    },
    {
      id: 'documents',
      title: '需人工核对的文件',
      fields: round.externalRules.map((r) => {
        const number = /[\u4e00-\u9fa5]{2,8}〔\d{4}〕\d+号/.exec(r.document)?.[0] ?? r.document;
        return { key: `external:${number}`, label: r.document, value: r.needed, edit: { field: 'external' as const, number, title: null }, toFill: false, clause: r.source.quote ?? null, byHand: false };
      }),
    },
  ];
}

const unwrap = <T>(r: { ok: true; value: T } | { ok: false }): T | null => (r.ok ? r.value : null);

/** Every field key of the draft with its label: where a candidate may go. */
function allTargets(round: RoundShape, view: readonly DraftSectionView[]): { key: string; label: string }[] {
  return view.filter((s) => s.id !== 'documents').flatMap((s) => s.fields.map((f) => ({ key: f.key, label: fieldLabel(round, f.key) })));
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
    default:
      return false;
  }
};

/**
 * The draft as the workshop page shows it: the candidates with their passages and where each
 * would go, the form by sections with each field's clause, the checks before publishing, and the
 * preview of every test person under the draft beside the published version.
 */
export function draftView(id: string, record: RoundDraftRecord, published: Round | null, now: Date, applications: number): DraftView {
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
        c.value.kind === 'series' || c.value.kind === 'specialty'
          ? '系列和专业沿用上一版本，这里只供核对；通知新增的系列或专业需要技术人员添加。核对后点“已核对”。'
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
    basedOn: { ...record.basedOn, title: published?.title ?? record.basedOn.roundId },
    version: draftVersion(record),
    noticeText: record.noticeText,
    candidates,
    sections: view,
    checks,
    testPeople: record.testPeople.map((p) => ({ id: p.id, name: p.name, line: testPersonLine(p) })),
    preview,
    specialties: round.specialties.map((s) => ({ code: s.code, name: s.name })),
    applications,
  };
}
