/**
 * The length of a typed text as the notices count it (2000—3000字): every Chinese character and
 * punctuation mark is one, a run of Latin letters or digits is one word, white space is nothing,
 * as word processors count 字数, so a summary measured here measures the same in Word.
 */
export function essayLength(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/[A-Za-z0-9０-９Ａ-Ｚａ-ｚ]+|[^\sA-Za-z0-9０-９Ａ-Ｚａ-ｚ]/gu)) count += 1;
  return count;
}
