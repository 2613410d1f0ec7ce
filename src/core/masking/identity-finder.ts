import type { MaskRect } from '../application/mask-rules';
import { unitForms } from '../evaluation/blind-text';

/**
 * Finds the applicant's own name, ID number and unit on a photo's recognised text lines, as the
 * rectangles to suggest masking (the matched part of a line, not the whole line). Pure: the lines
 * come from an OCR port, the identity from the account and the application. Another person's name
 * is never looked for (the notices forbid masking it).
 */

/** One recognised line: its text and its box on the upright image, in fractions of width and height. */
export interface OcrLine {
  readonly text: string;
  readonly box: MaskRect;
  /** The image's width over its height, so a box's fractions compare as a shape; absent: unknown. */
  readonly aspect?: number;
}

export type FindingKind = 'name' | 'id_number' | 'unit' | 'seal' | 'eyes';

export interface Finding {
  readonly kind: FindingKind;
  readonly rect: MaskRect;
  readonly reason: string;
}

export interface Identity {
  readonly name: string;
  readonly idNumber: string | null;
  readonly unitName: string | null;
}

export const FINDING_REASON: Readonly<Record<FindingKind, string>> = {
  name: '识别到您的姓名',
  id_number: '识别到您的身份证号',
  unit: '识别到您的单位名称',
  seal: '识别到红色印章',
  eyes: '证件照的眼睛部位（按一寸照的构图估计，请核对位置）',
};

/**
 * Where the eyes are on a 1-inch portrait (一寸照, 25 × 35 mm, head and shoulders, the head filling
 * the upper two thirds): a band across the face a little above the middle. An estimate from the
 * photo's standard composition, not a detection: suggested where the round asks for the eyes only
 * (bazhou-ecoenv-2024 五(一)15, tacheng-all-series-2023 三(三)1), and the applicant moves it onto the eyes.
 */
export const PORTRAIT_EYE_BAND: MaskRect = { x: 0.2, y: 0.34, w: 0.6, h: 0.16 };

/** Full-width digits and letters as half-width, upper case; what the eye reads as the same. */
function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  const half = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
  return half.toUpperCase();
}

const SKIPPED = /[\s\u3000·•.．:：,，]/;

/** The line without spaces and separators, folded, with each kept character's index in the original. */
function normalise(text: string): { readonly text: string; readonly at: readonly number[] } {
  let out = '';
  const at: number[] = [];
  [...text].forEach((ch, i) => {
    if (SKIPPED.test(ch)) return;
    out += fold(ch);
    at.push(i);
  });
  return { text: out, at };
}

/** How wide a character sets, relative to a CJK character: narrow for digits, Latin and punctuation. */
const widthOf = (ch: string) => (/[\x20-\x7e]/.test(ch) ? 0.55 : 1);

/** The part of a line's box holding characters [from, to) of its text, by their set widths. */
export function spanRect(line: OcrLine, from: number, to: number): MaskRect {
  const chars = [...line.text];
  const mixed = chars.reduce((sum, ch) => sum + widthOf(ch), 0) || 1;
  // A recogniser reads full-width digits as plain ones: where the line's length (in glyph heights;
  // a line's box is about a quarter taller than its glyphs) is nearer a run of full-width
  // characters than of mixed ones, each character is counted full.
  const ems = line.aspect ? ((line.box.w * line.aspect) / line.box.h) * 1.25 : null;
  const width = ems !== null && Math.abs(ems - chars.length) < Math.abs(ems - mixed) ? () => 1 : widthOf;
  const total = chars.reduce((sum, ch) => sum + width(ch), 0) || 1;
  const before = chars.slice(0, from).reduce((sum, ch) => sum + width(ch), 0);
  const inside = chars.slice(from, to).reduce((sum, ch) => sum + width(ch), 0);
  // A little margin sideways, so an edge placed tight still covers the strokes (a line box is
  // already taller than its glyphs).
  const padX = line.box.h * 0.1;
  const x = Math.max(0, line.box.x + (line.box.w * before) / total - padX);
  const right = Math.min(1, line.box.x + (line.box.w * (before + inside)) / total + padX);
  const padY = 0;
  const y = Math.max(0, line.box.y - padY);
  const bottom = Math.min(1, line.box.y + line.box.h + padY);
  return { x, y, w: right - x, h: bottom - y };
}

/** Every place a needle (already normalised) occurs in a line, as original character ranges. */
function occurrences(line: OcrLine, needle: string): [number, number][] {
  if (needle.length === 0) return [];
  const n = normalise(line.text);
  const found: [number, number][] = [];
  for (let i = n.text.indexOf(needle); i >= 0; i = n.text.indexOf(needle, i + needle.length)) {
    found.push([n.at[i]!, n.at[i + needle.length - 1]! + 1]);
  }
  return found;
}

/** The forms a unit's name is written in (whole, and without its place prefix), as lines are matched. */
function unitNeedles(unitName: string): string[] {
  return [...new Set(unitForms(unitName).map((f) => normalise(f).text))].filter((f) => f.length >= 4).sort((a, b) => b.length - a.length);
}

/** The forms a name is written in: whole, and each part of a name joined by · (吐尔洪·买买提) of two characters or more. */
function nameForms(name: string): string[] {
  const whole = normalise(name).text;
  const parts = name.split(/[·•.．]/).map((p) => normalise(p).text).filter((p) => p.length >= 2);
  return [...new Set([whole, ...(parts.length > 1 ? parts : [])])].filter((f) => f.length >= 2);
}

/**
 * The findings on one photo's lines: the name (whole or its parts, spaced or not), the ID number
 * (full-width digits too; 15 or more of its characters in a row where the rest is cut off), the
 * unit (whole or its short form; across a line break: a line ending with its beginning and the
 * next starting with its end).
 */
export function findIdentity(lines: readonly OcrLine[], who: Identity): Finding[] {
  const findings: Finding[] = [];
  const add = (kind: FindingKind, line: OcrLine, [from, to]: [number, number]) => findings.push({ kind, rect: spanRect(line, from, to), reason: FINDING_REASON[kind] });

  const id = who.idNumber ? normalise(who.idNumber).text : null;
  for (const line of lines) {
    // Longest form first; a part inside a whole name already found is not found again.
    const named: [number, number][] = [];
    for (const form of nameForms(who.name).sort((a, b) => b.length - a.length)) {
      for (const range of occurrences(line, form)) {
        if (named.some(([from, to]) => range[0] < to && range[1] > from)) continue;
        named.push(range);
        add('name', line, range);
      }
    }
    if (id) {
      const whole = occurrences(line, id);
      whole.forEach((range) => add('id_number', line, range));
      if (whole.length === 0) {
        const partial = longestShared(normalise(line.text).text, id);
        if (partial && partial.length >= 15) occurrences(line, partial).forEach((range) => add('id_number', line, range));
      }
    }
  }
  if (who.unitName) {
    const forms = unitNeedles(who.unitName);
    const matched = new Set<number>();
    lines.forEach((line, i) => {
      for (const form of forms) {
        const ranges = occurrences(line, form);
        ranges.forEach((range) => add('unit', line, range));
        if (ranges.length > 0) {
          matched.add(i);
          break;
        }
      }
    });
    // Across a line break: the end of one line and the start of the next, each at least 2 characters.
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      if (!next || matched.has(i) || matched.has(i + 1)) return;
      const a = normalise(line.text);
      const b = normalise(next.text);
      for (const form of forms) {
        for (let cut = 2; cut <= form.length - 2; cut += 1) {
          if (a.text.endsWith(form.slice(0, cut)) && b.text.startsWith(form.slice(cut))) {
            add('unit', line, [a.at[a.text.length - cut]!, [...line.text].length]);
            add('unit', next, [0, b.at[form.length - cut - 1]! + 1]);
            return;
          }
        }
      }
    });
  }
  return findings;
}

/** The longest run of `b` that also occurs in `a`. */
function longestShared(a: string, b: string): string | null {
  let best = '';
  for (let i = 0; i < b.length; i += 1) {
    for (let j = b.length; j > i + best.length; j -= 1) {
      if (a.includes(b.slice(i, j))) {
        best = b.slice(i, j);
        break;
      }
    }
  }
  return best || null;
}
