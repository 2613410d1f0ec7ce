/**
 * An independent reading of WeChat's subscription-message keyword table (订阅消息 "关键词类型"),
 * written apart from src/core/messages/keywords.ts and stricter where the table is vague, to check
 * the builders' output: a value the platform might refuse is refused here.
 */
const count = (v: string) => Array.from(v).length;
const NO_EMOJI_OR_CONTROL = (v: string) => !/[\p{Extended_Pictographic}\p{Cc}\u2028\u2029]/u.test(v);

const ORACLE: Record<string, (v: string) => boolean> = {
  // 20 个以内字符；可汉字、数字、字母或符号组合
  thing: (v) => count(v) >= 1 && count(v) <= 20 && NO_EMOJI_OR_CONTROL(v) && v.trim() === v,
  // 5 个以内汉字
  phrase: (v) => /^\p{Script=Han}{1,5}$/u.test(v),
  // 24 小时制时间格式（支持+年月日），例如：15:01，或：2019年10月1日 15:01
  time: (v) => {
    const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日 (\d{2}):(\d{2})$/.exec(v);
    if (!m) return false;
    const [, y, mo, d, h, mi] = m.map(Number) as number[];
    const day = new Date(Date.UTC(y!, mo! - 1, d!));
    return day.getUTCMonth() === mo! - 1 && day.getUTCDate() === d && h! <= 23 && mi! <= 59;
  },
  // 10 个以内纯汉字或 20 个以内纯字母（中间点 · 视为姓名的一部分）
  name: (v) => (/\p{Script=Han}/u.test(v) ? /^[\p{Script=Han}·]{1,10}$/u.test(v) : count(v) <= 20 && /^[\p{L}\p{M} ·.-]+$/u.test(v)),
  // 32 位以内数字、字母或符号
  character_string: (v) => /^[\x21-\x7E]{1,32}$/.test(v),
};

/** The keywords of `data` the oracle refuses, with the value. */
export function refusedByOracle(data: Readonly<Record<string, string>>): string[] {
  return Object.entries(data).flatMap(([key, value]) => {
    const type = /^([a-z_]+?)\d+$/.exec(key)?.[1] ?? '';
    const rule = ORACLE[type];
    return rule && rule(value) ? [] : [`${key}=${JSON.stringify(value)}`];
  });
}
