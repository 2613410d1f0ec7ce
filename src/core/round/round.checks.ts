import { TEMPLATE_FIELDS, unknownPlaceholders } from '../review/template-fill';
import type { Level, RoundShape, Scope, Series, Specialty } from './round.schema';

/** One data error, at the path of the offending value. */
export interface RoundProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

type Path = (string | number)[];

/**
 * Cross-field checks a field-by-field schema cannot express: references resolve, ids are unique,
 * windows run forwards, fees and titles match what the round offers, every source cites this
 * round's own notice. Returns every problem, not just the first, so a maintainer fixes a file
 * in one pass.
 */
export function roundProblems(round: RoundShape): RoundProblem[] {
  const problems: RoundProblem[] = [];
  const report = (path: Path, message: string) => problems.push({ path, message });

  checkIdentity(round, report);
  checkSources(round, report);
  checkUniqueIds(round, report);
  checkReferences(round, report);
  checkSpecialties(round, report);
  checkWindows(round, report);
  checkOffers(round, report);
  checkFees(round, report);
  checkMaterials(round, report);
  return problems;
}

type Report = (path: Path, message: string) => void;

function checkIdentity(round: RoundShape, report: Report): void {
  if (!round.id.endsWith(`-${round.year}`)) {
    report(['id'], `id "${round.id}" must end with the round year -${round.year}`);
  }
}

/** A source naming another notice is a copy-paste slip from another round file. */
function checkSources(round: RoundShape, report: Report): void {
  walk(round, [], (key, value, path) => {
    if (key !== 'source' || !isRecord(value) || typeof value.file !== 'string') return;
    if (value.file !== round.sourceFile) {
      report([...path, 'file'], `cites ${value.file} but this round's notice is ${round.sourceFile}`);
    }
  });
}

function checkUniqueIds(round: RoundShape, report: Report): void {
  const lists: [Path, readonly { [k: string]: unknown }[], string][] = [
    [['series'], round.series, 'code'],
    [['specialties'], round.specialties, 'code'],
    [['offers'], round.offers, 'id'],
    [['forwards'], round.forwards, 'id'],
    [['windows'], round.windows, 'id'],
    [['externalRules'], round.externalRules, 'id'],
    [['continuingEducation', 'requirements'], round.continuingEducation.requirements, 'id'],
    [['continuingEducation', 'exemptions'], round.continuingEducation.exemptions, 'id'],
    [['initialDetermination'], round.initialDetermination, 'id'],
    [['highSkillBridges'], round.highSkillBridges, 'id'],
    [['defense', 'required'], round.defense.required, 'id'],
    [['defense', 'exemptions'], round.defense.exemptions, 'id'],
    [['materials', 'categories'], round.materials.categories, 'code'],
    [['materials', 'rules'], round.materials.rules, 'code'],
    [['standardTexts'], round.standardTexts, 'code'],
    [['templates'], round.templates, 'code'],
    [['reviewChains'], round.reviewChains, 'id'],
  ];
  for (const [path, items, key] of lists) {
    const seen = new Map<unknown, number>();
    items.forEach((item, i) => {
      const id = item[key];
      const first = seen.get(id);
      if (first !== undefined) report([...path, i, key], `duplicate ${key} "${String(id)}" (first at index ${first})`);
      else seen.set(id, i);
    });
  }
  const channels = new Set<string>();
  round.channels.forEach((c, i) => {
    if (channels.has(c.channel)) report(['channels', i, 'channel'], `channel ${c.channel} is described twice`);
    channels.add(c.channel);
  });
}

/** Every code that points somewhere must land on something this round defines. */
function checkReferences(round: RoundShape, report: Report): void {
  const known = {
    externalRule: new Set(round.externalRules.map((r) => r.id)),
    template: new Set(round.templates.map((t) => t.code)),
    standardText: new Set(round.standardTexts.map((t) => t.code)),
    window: new Set(round.windows.map((w) => w.id)),
    series: new Set(round.series.map((s) => s.code)),
    specialty: new Set(round.specialties.map((s) => s.code)),
    material: new Set(round.materials.categories.map((c) => c.code)),
    ceExemption: new Set(round.continuingEducation.exemptions.map((e) => e.id)),
  };
  const expect = (set: Set<string>, what: string, value: unknown, path: Path) => {
    if (typeof value === 'string' && !set.has(value)) report(path, `unknown ${what} "${value}"`);
  };
  walk(round, [], (key, value, path) => {
    switch (key) {
      case 'externalRule':
      case 'titlesExternalRule':
      case 'externalExemptions':
        expect(known.externalRule, 'externalRules id', value, path);
        return;
      case 'template':
        expect(known.template, 'template code', value, path);
        return;
      case 'standardText':
        expect(known.standardText, 'standardTexts code', value, path);
        return;
      case 'deadlineWindow':
        expect(known.window, 'window id', value, path);
        return;
      case 'series':
        // Specialty.series is one code; selectors, scopes and a bridge's `seriesScope.series` hold
        // lists. Top-level `series` is the list of objects.
        if (typeof value === 'string') expect(known.series, 'series code', value, path);
        else if (isStringArray(value)) value.forEach((v, i) => expect(known.series, 'series code', v, [...path, i]));
        return;
      case 'specialties':
        if (isStringArray(value)) value.forEach((v, i) => expect(known.specialty, 'specialty code', v, [...path, i]));
        return;
      case 'categories':
        if (isStringArray(value)) value.forEach((v, i) => expect(known.material, 'material code', v, [...path, i]));
        return;
      case 'waivedBy':
      case 'evidenceOf':
        if (isStringArray(value)) value.forEach((v, i) => expect(known.ceExemption, 'continuingEducation.exemptions id', v, [...path, i]));
        return;
      default:
        return;
    }
  });
}

function checkSpecialties(round: RoundShape, report: Report): void {
  round.specialties.forEach((s, i) => {
    if (!s.code.startsWith(`${s.series}.`)) {
      report(['specialties', i, 'code'], `specialty code "${s.code}" must start with its series "${s.series}."`);
    }
  });
}

function checkWindows(round: RoundShape, report: Report): void {
  round.windows.forEach((w, i) => {
    const path: Path = ['windows', i];
    if (w.start.kind === 'at' && w.start.given === 'date' && !w.start.at.endsWith('T00:00:00+08:00')) {
      report([...path, 'start', 'at'], `a start given as a date must be 00:00:00+08:00, got ${w.start.at}`);
    }
    if (w.end.kind === 'at' && w.end.given === 'date' && !w.end.at.endsWith('T23:59:59+08:00')) {
      report([...path, 'end', 'at'], `an end given as a date must be 23:59:59+08:00, got ${w.end.at}`);
    }
    // Same format and the same +08:00 offset: string order is time order.
    if (w.start.kind === 'at' && w.end.kind === 'at' && w.end.at < w.start.at) {
      report([...path, 'end', 'at'], `window "${w.id}" ends (${w.end.at}) before it starts (${w.start.at})`);
    }
  });
  round.fees.payment.forEach((p, i) => {
    const w = round.windows.find((x) => x.id === p.deadlineWindow);
    if (w && w.kind !== 'fee_payment') {
      report(['fees', 'payment', i, 'deadlineWindow'], `window "${w.id}" is a ${w.kind} window, not fee_payment`);
    }
  });
}

function checkOffers(round: RoundShape, report: Report): void {
  const channels = new Set(round.channels.map((c) => c.channel));
  round.offers.forEach((offer, i) => {
    if (!channels.has(offer.channel)) {
      report(['offers', i, 'channel'], `channel ${offer.channel} has no entry in channels`);
    }
    offer.levels.forEach((level, j) => {
      if (!hasTitle(round, offer.scope, level)) {
        report(
          ['offers', i, 'levels', j],
          `offer "${offer.id}" has no title name for ${level} (add titles to a specialty or series, or titlesExternalRule)`,
        );
      }
    });
  });
  round.initialDetermination.forEach((rule, i) => {
    rule.levels.forEach((level, j) => {
      if (!round.offers.some((o) => o.way === 'initial' && o.levels.includes(level))) {
        report(['initialDetermination', i, 'levels', j], `${level} is not offered by way of initial determination`);
      }
    });
  });
}

/** A title exists when a specialty in scope names one, or its series does, or a document is named for it. */
function hasTitle(round: RoundShape, scope: Scope, level: Level): boolean {
  const { series, specialties } = inScope(round, scope);
  const namesLevel = (x: { titles: { level: Level }[] }) => x.titles.some((t) => t.level === level);
  return (
    specialties.some(namesLevel) ||
    series.some((s) => namesLevel(s) || s.titlesExternalRule !== undefined)
  );
}

function inScope(round: RoundShape, scope: Scope): { series: Series[]; specialties: Specialty[] } {
  switch (scope.kind) {
    case 'all':
      return { series: round.series, specialties: round.specialties };
    case 'series':
      return {
        series: round.series.filter((s) => scope.series.includes(s.code)),
        specialties: round.specialties.filter((s) => scope.series.includes(s.series)),
      };
    case 'specialties': {
      const specialties = round.specialties.filter((s) => scope.specialties.includes(s.code));
      return { series: round.series.filter((s) => specialties.some((sp) => sp.series === s.code)), specialties };
    }
  }
}

function checkFees(round: RoundShape, report: Report): void {
  round.fees.items.forEach((fee, i) => {
    fee.levels.forEach((level, j) => {
      const channels = fee.channels ?? [undefined];
      for (const channel of channels) {
        const offered = round.offers.some(
          (o) => o.way === fee.way && o.levels.includes(level) && (channel === undefined || o.channel === channel),
        );
        if (!offered) {
          const via = channel === undefined ? '' : ` in channel ${channel}`;
          report(['fees', 'items', i, 'levels', j], `fee for ${level} by ${fee.way}${via}, which this round does not offer`);
        }
      }
    });
  });
}

function checkMaterials(round: RoundShape, report: Report): void {
  // The engine relieves a material only through `waivedBy`: an exemption no material names would
  // leave the exempt asked for certificates they need not have.
  const waiving = new Set(round.materials.categories.flatMap((c) => c.waivedBy ?? []));
  round.continuingEducation.exemptions.forEach((e, i) => {
    if (!waiving.has(e.id)) {
      report(
        ['continuingEducation', 'exemptions', i, 'id'],
        `exemption "${e.id}" waives no material: add it to the waivedBy of the certificates it replaces or relaxes`,
      );
    }
  });
  round.templates.forEach((t, i) => {
    const unknown = t.body ? unknownPlaceholders(t.body) : [];
    if (unknown.length > 0) report(['templates', i, 'body'], `unknown placeholders ${unknown.map((f) => `{${f}}`).join(', ')}: the product fills only {${TEMPLATE_FIELDS.join('}, {')}}`);
  });
  round.materials.categories.forEach((c, i) => {
    const t = c.textLength;
    if (t && t.minChars !== undefined && t.maxChars !== undefined && t.minChars > t.maxChars) {
      report(['materials', 'categories', i, 'textLength', 'maxChars'], `maxChars ${t.maxChars} is below minChars ${t.minChars}`);
    }
    if (t && t.minChars === undefined && t.maxChars === undefined) {
      report(['materials', 'categories', i, 'textLength'], 'textLength needs minChars or maxChars');
    }
    // A length is checked on the text typed in: only an essay record has one.
    if (t && c.record !== 'essay') report(['materials', 'categories', i, 'record'], 'a category with textLength needs record "essay" (the typed text it limits)');
    if (c.record && c.stage !== 'online') report(['materials', 'categories', i, 'record'], 'only online categories are typed into the form');
    // A choice is one field of the form, answered by one of its options.
    const choices = c.choices;
    if (choices && (c.form !== 'field' || c.stage !== 'online' || c.record)) report(['materials', 'categories', i, 'choices'], 'choices are for an online field without a record');
    if (choices && new Set(choices.options).size !== choices.options.length) report(['materials', 'categories', i, 'choices', 'options'], 'an option is listed twice');
    // A form the product fills with the applicant's name and ID number, or a paper of the unit's,
    // exists to carry identity: experts never see it, not even masked.
    if ((c.template !== undefined || c.providedBy === 'unit') && c.experts !== 'never') {
      report(['materials', 'categories', i, 'experts'], 'a category filled from a template or provided by the unit carries identity: set experts "never"');
    }
    // The unit's papers come in the notice's order: each says when it can exist.
    if (c.providedBy === 'unit' && c.availableAfter === undefined) report(['materials', 'categories', i, 'availableAfter'], 'a category provided by the unit says when it can exist: availableAfter "publicity_recorded" or "publicity_over"');
    if (c.availableAfter !== undefined && c.providedBy !== 'unit') report(['materials', 'categories', i, 'availableAfter'], 'only a category provided by the unit has availableAfter');
    const meant = choices?.fromAnswer ? (choices.fromAnswer.kind === 'fact' ? [choices.fromAnswer.yes, choices.fromAnswer.no] : [choices.fromAnswer.prefecture, choices.fromAnswer.county]) : [];
    for (const option of meant) {
      if (!choices!.options.includes(option)) report(['materials', 'categories', i, 'choices', 'fromAnswer'], `"${option}" is not one of the options`);
    }
  });
}

// ---------------------------------------------------------------------------------------------

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Visits every property of every object in the tree, with its path. */
function walk(node: unknown, path: Path, visit: (key: string, value: unknown, path: Path) => void): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => walk(child, [...path, i], visit));
    return;
  }
  if (!isRecord(node)) return;
  for (const [key, value] of Object.entries(node)) {
    visit(key, value, [...path, key]);
    walk(value, [...path, key], visit);
  }
}
