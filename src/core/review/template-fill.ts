/**
 * Fills a round's template text (推荐单位公示, 推荐单位公示结果) with an application's data. The
 * placeholders are the round file's (`Template.body`); one the product does not know is an error in
 * the round, caught when rounds are validated, and never left in a filled text.
 */
export const TEMPLATE_FIELDS = ['name', 'from', 'to', 'days', 'title', 'unit', 'basics'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

const PLACEHOLDER = /\{([a-z]+)\}/g;

/** Placeholders in a body that the product cannot fill. */
export function unknownPlaceholders(body: string): string[] {
  return [...body.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((f) => !(TEMPLATE_FIELDS as readonly string[]).includes(f));
}

export function fillTemplate(body: string, values: Readonly<Record<TemplateField, string>>): string {
  return body.replace(PLACEHOLDER, (whole, field: string) => ((TEMPLATE_FIELDS as readonly string[]).includes(field) ? values[field as TemplateField] : whole));
}

/** `2024-10-08` → 2024年10月8日. */
export const chineseDate = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** Calendar days from the first to the last day, both counted. */
export function daysIncluding(from: string, to: string): number {
  return Math.round((Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10)) - Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10))) / 86_400_000) + 1;
}
