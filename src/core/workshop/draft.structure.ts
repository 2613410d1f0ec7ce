import * as z from 'zod';
import { LEVEL_LABELS } from '../eligibility/labels';
import { err, ok, type Result } from '../result';
import { Level, WindowKind, type ExternalRule, type MaterialCategory, type RoundShape, type Source, type Window } from '../round/round.schema';

/**
 * The round's structure in the workshop: what a round started from nothing needs before it can
 * be published — its series with their levels and the document that sets their conditions, the
 * windows, fees, contacts and materials the notice lists — each added (and, while still a draft,
 * removed) by the issuer's staff. A copied round keeps what it was copied with; these add to it.
 *
 * Pure: the new items cite the new notice's file and the clause the officer's passage gives, and
 * nothing is defaulted that the notice must say (an empty round's dates, limits and publicity
 * days start listed to fill).
 */

const Name = (what: string, example: string, max: number) =>
  z.string().trim().min(2, `请填写${what}，如 ${example}`).max(max, `${what}不超过${max}个字`);
const Levels = z.array(Level).min(1, '至少选择一个级别').max(5);
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请填写日期，如 2026-07-22');
export const TimeText = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间写作 18:00');
const Moment = z.strictObject({ date: DateText, time: TimeText.nullable() });
export const Phones = z.array(z.string().trim().regex(/^(0\d{2,3}-\d{7,8}|1[3-9]\d{9})$/, '电话写作 0997-2129001（区号-号码）或11位手机号')).min(1, '至少一个电话').max(5, '最多5个电话');
export const Yuan = z.number({ error: '请填写金额（元）' }).int('金额写整数元').min(1, '金额至少1元').max(100_000, '金额不超过100000元');

/** The edits that add to or remove from a round's structure (members of the workshop's `FieldEdit`). */
export const STRUCTURE_EDITS = [
  z.strictObject({
    field: z.literal('addSeries'),
    name: Name('系列名称', '工程技术系列', 20),
    levels: Levels,
    /** The document that sets the series' conditions and title names (新人社发〔2023〕62号 …). */
    conditions: Name('规定申报条件的文件', '新人社发〔2023〕62号', 80),
  }),
  z.strictObject({
    field: z.literal('addWindow'),
    kind: WindowKind,
    label: Name('名称', '网上申报', 20),
    start: Moment.nullable(),
    end: Moment,
  }),
  z.strictObject({ field: z.literal('addFee'), levels: Levels, way: z.enum(['evaluation', 'initial', 'grant']), yuan: Yuan }),
  z.strictObject({ field: z.literal('addContact'), role: Name('联系事项', '政策咨询', 20), phones: Phones }),
  z.strictObject({
    field: z.literal('addMaterial'),
    name: Name('材料名称', '学历证书', 30),
    required: z.enum(['always', 'if_any'], { message: '请选择必须提交还是如有提交' }),
    stage: z.enum(['online', 'paper'], { message: '请选择网上上传还是报送纸质材料' }),
    /** A document that exists to carry identity (身份证, 承诺书 …): the experts never see it. */
    identity: z.boolean(),
  }),
  /** The notice sets no fee (尉犁's 初定): said once, for a round with no fee listed. */
  z.strictObject({ field: z.literal('feesNone') }),
  /** Whether the committee reviews blind (隐名评审): the notice says. */
  z.strictObject({ field: z.literal('blind'), on: z.boolean() }),
  /** The committee that evaluates a round begun from nothing, by its secretary (checked by the server against the office's prefecture). */
  z.strictObject({ field: z.literal('committee'), secretaryId: z.string().min(1, '请选择评审委员会').max(80) }),
  /** A field carried from last year confirmed as what the new notice says (a key from `unchecked`). */
  z.strictObject({ field: z.literal('confirm'), key: z.string().min(1).max(120) }),
  /** Takes out something this draft added (a key from `added`). */
  z.strictObject({ field: z.literal('remove'), key: z.string().min(1).max(120) }),
] as const;

type StructureEdit = z.infer<(typeof STRUCTURE_EDITS)[number]>;

export const WINDOW_KIND_LABELS: Readonly<Record<WindowKind, string>> = {
  apply: '网上申报',
  review: '审核',
  unit_review: '单位审核',
  county_review: '县级审核',
  prefecture_review: '地区审核',
  paper_materials: '报送纸质材料',
  fee_payment: '缴纳评审费',
  defense: '答辩',
  expert_meeting: '专家评审',
  publicity: '评审结果公示',
  results: '发文',
};

/** The codes other rounds use for a series (committees and exports key by them), by the series' name. */
const SERIES_CODES: Readonly<Record<string, string>> = {
  工程: 'engineering',
  工程技术: 'engineering',
  农业: 'agriculture',
  技工院校教师: 'technical_school_teacher',
  党干校教师: 'party_school_teacher',
  中等职业学校教师: 'secondary_vocational_teacher',
  中小学教师: 'primary_secondary_teacher',
  新闻: 'journalism',
  播音: 'broadcasting',
  少数民族语文翻译: 'minority_language_translation',
  体育教练员: 'sports_coach',
  图书资料: 'library',
  文物博物: 'cultural_relics_museum',
  群众文化: 'mass_culture',
  艺术: 'art',
  自然科学研究: 'natural_science_research',
  实验技术: 'laboratory_technology',
  档案: 'archives',
  卫生: 'health',
  经济: 'economics',
  会计: 'accounting',
  统计: 'statistics',
  审计: 'audit',
  翻译: 'translation',
  出版: 'publishing',
  律师: 'lawyer',
  公证: 'notary',
  高等学校教师: 'university_teacher',
};

/** `工程技术系列` → `工程技术`. */
const seriesStem = (name: string) => name.trim().replace(/系列$/, '');

/** Whether the round already has a series of this name (`卫生` and `卫生系列` are one). */
export const hasSeries = (round: Pick<RoundShape, 'series'>, name: string) => round.series.some((s) => seriesStem(s.name) === seriesStem(name));

/** A series' code: the one other rounds use for its name, or a new one this round does not use yet. */
export function seriesCode(round: Pick<RoundShape, 'series'>, name: string): string {
  const known = SERIES_CODES[seriesStem(name)];
  const taken = new Set(round.series.map((s) => s.code));
  if (known && !taken.has(known)) return known;
  let n = round.series.length + 1;
  while (taken.has(`series_${n}`)) n++;
  return `series_${n}`;
}

function nextId(taken: readonly string[], stem: string): string {
  if (!taken.includes(stem)) return stem;
  let n = 2;
  while (taken.includes(`${stem}_${n}`)) n++;
  return `${stem}_${n}`;
}

/** A date and time of day (null: the notice gave only the day) as a window's boundary (see round.schema.ts). */
export const boundaryOf = (m: { date: string; time: string | null }, side: 'start' | 'end') =>
  m.time
    ? ({ kind: 'at', at: `${m.date}T${m.time}:00+08:00`, given: 'date_time' } as const)
    : ({ kind: 'at', at: `${m.date}T${side === 'start' ? '00:00:00' : '23:59:59'}+08:00`, given: 'date' } as const);

/** The key an add-edit's new item gets in this round (`fee:3`, `series:engineering`, …); null for other edits. */
export function addedKey(round: RoundShape, edit: { readonly field: string }): string | null {
  const e = edit as StructureEdit;
  switch (e.field) {
    case 'addSeries':
      return `series:${seriesCode(round, e.name)}`;
    case 'addWindow':
      return `window:${nextId(round.windows.map((w) => w.id), e.kind)}`;
    case 'addFee':
      return `fee:${round.fees.items.length}`;
    case 'addContact':
      return `contact:${round.contacts.length}`;
    case 'addMaterial':
      return `material:${nextId(round.materials.categories.map((c) => c.code), `m${round.materials.categories.length + 1}`)}`;
    default:
      return null;
  }
}

const MASKED = ['own_name', 'own_photo', 'id_number', 'work_unit', 'unit_seal'] as const;

/**
 * The round with a structure edit applied, or a refusal (Chinese). `source` is the clause the new
 * item cites (the accepted passage, or the clause typed by hand). `added` lists the keys this draft
 * added: only those can be removed (what came with the copy stays, as the copy's rules refer to it).
 */
export function writeStructure(round: RoundShape, edit: StructureEdit, source: Source, added: readonly string[]): Result<RoundShape, string> {
  switch (edit.field) {
    case 'addSeries': {
      if (hasSeries(round, edit.name)) return err(`本批次已有${edit.name}`);
      const code = seriesCode(round, edit.name);
      const name = `${seriesStem(edit.name)}系列`;
      const rule: ExternalRule = {
        id: nextId(round.externalRules.map((r) => r.id), `${code}_conditions`),
        topic: 'years_at_current_level',
        needed: `${name}各级别的申报条件（学历、专业工作年限、任现职年限、业绩成果）和职称名称`,
        document: edit.conditions,
        inNotice: false,
        who: { series: [code] },
        source,
      };
      return ok({
        ...round,
        series: [...round.series, { code, name, titles: [], titlesExternalRule: rule.id, source }],
        externalRules: [...round.externalRules, rule],
        offers: [
          ...round.offers,
          { id: nextId(round.offers.map((o) => o.id), `${code}_evaluation`), levels: [...new Set(edit.levels)], way: 'evaluation', channel: generalChannel(round), scope: { kind: 'series', series: [code] }, source },
        ],
      });
    }
    case 'addWindow': {
      const window: Window = {
        id: nextId(round.windows.map((w) => w.id), edit.kind),
        kind: edit.kind,
        label: edit.label.trim(),
        start: edit.start ? boundaryOf(edit.start, 'start') : { kind: 'not_stated' },
        end: boundaryOf(edit.end, 'end'),
        firmness: 'fixed',
        source,
      };
      return ok({ ...round, windows: [...round.windows, window] });
    }
    case 'addFee':
      return ok({ ...round, fees: { ...round.fees, items: [...round.fees.items, { levels: [...new Set(edit.levels)], way: edit.way, amountYuan: edit.yuan, source }] } });
    case 'addContact':
      return ok({ ...round, contacts: [...round.contacts, { role: edit.role.trim(), names: [], phones: [...new Set(edit.phones)], source }] });
    case 'addMaterial': {
      const code = addedKey(round, edit)!.slice('material:'.length);
      const category: MaterialCategory = {
        code,
        name: edit.name.trim(),
        stage: edit.stage,
        form: 'upload',
        required: { kind: edit.required },
        formats: ['jpg', 'pdf'],
        ...(edit.identity ? { experts: 'never' as const } : {}),
        source,
      };
      return ok({ ...round, materials: { ...round.materials, categories: [...round.materials.categories, category] } });
    }
    case 'blind': {
      const masking = round.materials.masking;
      const items = edit.on ? (masking.items.length > 0 ? masking.items : MASKED.map((item) => ({ item, source, interpretation: '隐名评审通常遮盖的信息；请按通知核对' }))) : [];
      return ok({ ...round, materials: { ...round.materials, masking: { ...masking, blindReview: edit.on, items, source } } });
    }
    case 'confirm':
    case 'committee':
      return ok(round);
    case 'feesNone':
      return round.fees.items.length > 0 ? err('已有收费标准；要改为不收费，请先删除各项收费') : ok(round);
    case 'remove':
      if (!added.includes(edit.key)) return err('只能删除本次添加的项目；沿用上一版本的项目不在这里删除');
      return removed(round, edit.key);
  }
}

/** The channel a new series is offered in: the round's general one, or its first. */
const generalChannel = (round: RoundShape) => (round.channels.some((c) => c.channel === 'general') ? 'general' : (round.channels[0]?.channel ?? 'general'));

function removed(round: RoundShape, key: string): Result<RoundShape, string> {
  const [field, arg = ''] = key.split(':') as [string, string | undefined];
  switch (field) {
    case 'series': {
      const series = round.series.find((s) => s.code === arg);
      if (!series) return err('没有这个系列');
      return ok({
        ...round,
        series: round.series.filter((s) => s.code !== arg),
        externalRules: round.externalRules.filter((r) => r.id !== series.titlesExternalRule),
        offers: round.offers.filter((o) => !(o.scope.kind === 'series' && o.scope.series.length === 1 && o.scope.series[0] === arg)),
      });
    }
    case 'window':
      if (round.fees.payment.some((p) => p.deadlineWindow === arg)) return err('缴费期限用到这个时间安排，不能删除');
      return ok({ ...round, windows: round.windows.filter((w) => w.id !== arg) });
    case 'fee':
      return ok({ ...round, fees: { ...round.fees, items: round.fees.items.filter((_, i) => i !== Number(arg)) } });
    case 'contact':
      return ok({ ...round, contacts: round.contacts.filter((_, i) => i !== Number(arg)) });
    case 'material':
      return ok({ ...round, materials: { ...round.materials, categories: round.materials.categories.filter((c) => c.code !== arg) } });
    default:
      return err('这一项不能删除');
  }
}

/**
 * Keys after an item at `key` was removed: later fees and contacts move up one place (their keys
 * are positions), everything else keeps its key; the removed key itself is dropped.
 */
export function keyAfterRemoval(removedKey: string, key: string): string | null {
  if (key === removedKey) return null;
  const [field, arg] = removedKey.split(':');
  const [f, a] = key.split(':');
  if ((field === 'fee' || field === 'contact') && f === field && Number(a) > Number(arg)) return `${f}:${Number(a) - 1}`;
  return key;
}

/** The structure's own words for the form: a series' levels and its conditions' document. */
export function seriesLine(round: RoundShape, code: string): string {
  const levels = [...new Set(round.offers.filter((o) => o.scope.kind === 'all' || (o.scope.kind === 'series' && o.scope.series.includes(code))).flatMap((o) => o.levels))];
  const series = round.series.find((s) => s.code === code);
  const rule = round.externalRules.find((r) => r.id === series?.titlesExternalRule);
  return `${levels.map((l) => LEVEL_LABELS[l]).join('、') || '（没有级别）'}${rule ? ` · 条件见 ${rule.document}` : ''}`;
}

/**
 * What a round started from nothing still lacks before it can be published, each with the section
 * to open: a series, a contact, the materials.
 */
export function structureGaps(round: RoundShape): { readonly target: string; readonly message: string }[] {
  const gaps: { target: string; message: string }[] = [];
  // A round that lists fees lists one for every level it offers; one that lists none says so (`feesNone`).
  if (round.fees.items.length > 0) {
    for (const offer of round.offers) {
      for (const level of offer.levels) {
        const paid = round.fees.items.some((f) => f.way === offer.way && f.levels.includes(level) && (!f.channels || f.channels.includes(offer.channel)));
        if (!paid) gaps.push({ target: 'section:fees', message: `评审收费：${LEVEL_LABELS[level]}${offer.way === 'evaluation' ? '' : `（${offer.way === 'initial' ? '初定' : '授予'}）`}没有收费标准，请按通知添加` });
      }
    }
  }
  if (round.series.length === 0) gaps.push({ target: 'section:series', message: '申报系列与级别：尚未添加。请至少添加一个系列、它的级别和规定申报条件的文件' });
  if (round.contacts.length === 0) gaps.push({ target: 'section:contacts', message: '联系方式：尚未添加。请添加通知所列的咨询电话' });
  if (round.materials.categories.length === 0) gaps.push({ target: 'section:materials', message: '申报材料：尚未添加。请按通知列出申报人要上传或报送的材料' });
  return gaps;
}

/**
 * A round with nothing in it yet but what the issuing office is: its region and name, one apply
 * window, and the yearly facts listed to fill (`toFill`; `fees` until one is added or the notice is
 * said to set none). Series, fees, contacts and materials are
 * added from the notice; publishing waits until each is there (`structureGaps`).
 */
export function emptyRound(input: {
  readonly id: string;
  readonly year: number;
  readonly title: string;
  readonly today: string;
  readonly region: { readonly prefecture: string; readonly county?: string };
}): { readonly round: RoundShape; readonly toFill: readonly string[] } {
  // The office's own bureau stands in for the letterhead until checked against it (`unchecked`).
  const issuerName = `${input.region.county ?? input.region.prefecture}人力资源和社会保障局`;
  const file = `${input.id}.txt`;
  const cite = (clause: string): Source => ({ file, clause });
  const round: RoundShape = {
    schemaVersion: 1,
    id: input.id,
    year: input.year,
    title: input.title.trim(),
    sourceFile: file,
    issuedOn: { date: input.today, source: cite('落款') },
    issuer: { name: issuerName, source: cite('落款') },
    region: { province: '新疆维吾尔自治区', prefecture: input.region.prefecture, ...(input.region.county ? { county: input.region.county } : {}) },
    platform: { name: '职称评审通', url: '微信小程序“职称评审通”', modules: [], offPlatform: 'not_stated', source: cite('申报方式') },
    contacts: [],
    series: [],
    specialties: [],
    channels: [
      {
        channel: 'general',
        name: '职称评审',
        eligibleWhenAny: [{ label: '符合通知和评价条件的专业技术人员', who: {}, source: cite('申报对象'), interpretation: '申报对象以通知和各系列评价条件为准，由审核人员核对' }],
        source: cite('申报对象'),
      },
    ],
    exclusions: [],
    offers: [],
    forwards: [],
    windows: [{ id: 'apply', kind: 'apply', label: '网上申报', start: { kind: 'not_stated' }, end: { kind: 'not_stated' }, firmness: 'fixed', source: cite('时间安排') }],
    seniority: { kind: 'cutoff', cutoff: `${input.year}-12-31`, counting: 'completed_years_to_cutoff', source: cite('评审资历计算') },
    fees: { items: [], payment: [] },
    submission: { maxSubmissions: { count: 1, onExceeded: 'not_stated', source: cite('提交次数') }, resubmitAfterReturn: { kind: 'not_stated' } },
    unitPublicity: { workingDays: 5, bound: 'at_least', source: cite('单位公示') },
    fraudPenalties: [],
    passRates: [],
    continuingEducation: { requirements: [], exemptions: [] },
    mandarin: [],
    socialInsurance: [],
    appraisal: [],
    initialDetermination: [],
    highSkillBridges: [],
    externalRules: [],
    defense: { required: [], exemptions: [] },
    materials: { categories: [], rules: [], masking: { blindReview: true, items: [], textReplacements: [], prohibitions: [], practices: [] } },
    standardTexts: [],
    templates: [],
    reviewChains: [],
    notes: [],
  };
  // The values under these keys are placeholders until the officer writes them: publishing waits.
  return { round, toFill: ['issuedOn', 'window:apply', 'seniority', 'fees', 'submissions', 'publicity', 'blind', 'committee'] };
}
