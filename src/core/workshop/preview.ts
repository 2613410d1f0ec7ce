import { assess } from '../eligibility/assess';
import type { OfferAssessment, Verdict } from '../eligibility/assessment';
import type { Round } from '../round/round.schema';
import type { TestPerson } from './draft';

const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  eligible: '可以申报',
  eligible_if: '确认后可申报',
  not_yet: '暂不满足',
  ineligible: '不能申报',
};

export interface PreviewLine {
  /** `<offer>:<level>`, the same in both versions where the offer is. */
  readonly key: string;
  readonly label: string;
  /** 可以申报 / 确认后可申报 / 暂不满足 / 不能申报, or null when the version does not offer it. */
  readonly draft: string | null;
  readonly published: string | null;
  /** The first reason that is not a pass, in the draft (what the person would read first). */
  readonly why: string | null;
  readonly changed: boolean;
}

export interface PersonPreview {
  readonly personId: string;
  readonly name: string;
  readonly lines: readonly PreviewLine[];
  readonly changes: number;
}

function lineWord(offer: OfferAssessment | undefined): string | null {
  if (!offer) return null;
  const fee = offer.fee ? `，评审费 ${offer.fee.amountYuan} 元` : '';
  return `${VERDICT_WORDS[offer.verdict]}${fee}`;
}

/**
 * A test person's verdicts under the draft beside the published version's, offer by offer, each
 * at its own round's apply window (or `asOf` when it has none), so a year's copy compares like
 * with like; `changed` where the words differ.
 */
export function previewFor(person: TestPerson, draft: Round, published: Round | null, asOf: { readonly draft: Date; readonly published: Date }): PersonPreview {
  const mine = assess(person.profile, draft, asOf.draft).offers;
  const theirs = published ? assess(person.profile, published, asOf.published).offers : [];
  const keys = [...new Set([...mine.map((o) => o.key), ...theirs.map((o) => o.key)])];
  const lines = keys.map((key) => {
    const d = mine.find((o) => o.key === key);
    const p = theirs.find((o) => o.key === key);
    const draftWord = lineWord(d);
    const publishedWord = published ? lineWord(p) : null;
    const why = d?.reasons.find((r) => r.outcome !== 'pass' && r.outcome !== 'info')?.message ?? null;
    return { key, label: (d ?? p)!.label, draft: draftWord, published: publishedWord, why, changed: published !== null && draftWord !== publishedWord };
  });
  return { personId: person.id, name: person.name, lines, changes: lines.filter((l) => l.changed).length };
}

/** The instant a round's verdicts are previewed at: the start of its first apply window, else the given one. */
export function previewInstant(round: Round, fallback: Date): Date {
  const starts = round.windows.filter((w) => w.kind === 'apply').flatMap((w) => (w.start.kind === 'at' ? [Date.parse(w.start.at)] : []));
  return starts.length > 0 ? new Date(Math.min(...starts)) : fallback;
}
