/**
 * WeChat subscription-message keyword rules. The platform rejects a message whose keyword value
 * breaks its type's rule (errCode 47003); checking here lets local runs catch the same mistakes.
 * A keyword's type is its key without the trailing digits: `thing1` → thing, `character_string3`
 * → character_string. Limits are WeChat's published ones (subscribe-message "关键词类型" table).
 */

const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const KEY = /^([a-z]+(?:_[a-z]+)*)(\d+)$/;

// Dates: 2019年10月1日 or 2019-10-01; times: 15:01 or 15:01:30 (24-hour).
const DATE = String.raw`(\d{4})(?:年(\d{1,2})月(\d{1,2})日|-(\d{1,2})-(\d{1,2}))`;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?`;
const POINT = new RegExp(String.raw`^(?:${DATE})?\s*(?:${TIME})?$`);

type Rule = {
  /** What the type is called in the platform's table, for the message. */
  readonly label: string;
  /** A Chinese description of what is wrong, or `null` when the value is acceptable. */
  readonly check: (value: string) => string | null;
};

const length = (value: string): number => [...value].length;

const maxChars = (max: number) => (value: string) =>
  length(value) <= max ? null : `最多 ${max} 个字符，现为 ${length(value)} 个`;

const RULES: Readonly<Record<string, Rule>> = {
  thing: { label: '事物', check: maxChars(20) },
  number: {
    label: '数字',
    check: (value) =>
      /^\d+(\.\d+)?$/.test(value) && length(value) <= 32 ? null : '只能是 32 位以内的数字，可带小数',
  },
  letter: {
    label: '字母',
    check: (value) => (/^[A-Za-z]{1,32}$/.test(value) ? null : '只能是 32 个以内的字母'),
  },
  symbol: {
    label: '符号',
    check: (value) => (/^[^\p{L}\p{N}\s]{1,5}$/u.test(value) ? null : '只能是 5 个以内的符号'),
  },
  character_string: {
    label: '字符串',
    check: (value) =>
      /^[\x20-\x7E]{1,32}$/.test(value) ? null : '只能是 32 位以内的数字、字母或符号，不能有汉字',
  },
  time: {
    label: '时间',
    check: (value) => (isDateTimeRange(value, 'time') ? null : '格式应为 24 小时制时间，如“15:01”或“2019年10月1日 15:01”'),
  },
  date: {
    label: '日期',
    check: (value) => (isDateTimeRange(value, 'date') ? null : '格式应为年月日，如“2019年10月1日”或“2019年10月1日 15:01”'),
  },
  amount: {
    label: '金额',
    check: (value) =>
      /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(value) ? null : '应为一个币种符号加 10 位以内的数字，可带小数，结尾可带“元”',
  },
  phone_number: {
    label: '电话',
    check: (value) => (/^[\d+\-() ]{1,17}$/.test(value) && /\d/.test(value) ? null : '只能是 17 位以内的数字和符号'),
  },
  car_number: {
    label: '车牌',
    check: (value) =>
      /^[\p{Script=Han}A-Za-z0-9][A-Za-z0-9]{0,6}[\p{Script=Han}A-Za-z0-9]?$/u.test(value) && length(value) <= 8
        ? null
        : '最多 8 位，第一位与最后一位可为汉字，其余为字母或数字',
  },
  name: {
    label: '姓名',
    check: (value) => {
      if (/\d/.test(value)) return '不能包含数字';
      // The platform counts a name with any Chinese character as a Chinese name.
      if (HAN.test(value)) return length(value) <= 10 ? null : `中文姓名最多 10 个字，现为 ${length(value)} 个`;
      return length(value) <= 20 ? null : `英文姓名最多 20 个字母，现为 ${length(value)} 个`;
    },
  },
  phrase: {
    label: '汉字短语',
    check: (value) => (HAN_ONLY.test(value) && length(value) <= 5 ? null : '只能是 5 个以内的汉字'),
  },
};

/**
 * Every way `data` breaks WeChat's keyword rules, one Chinese sentence per problem, each naming
 * its keyword; empty when the platform would accept the values.
 */
export function checkKeywords(data: Readonly<Record<string, string>>): string[] {
  const entries = Object.entries(data);
  if (entries.length === 0) return ['消息没有任何关键词'];
  return entries.flatMap(([key, value]) => {
    const type = KEY.exec(key)?.[1];
    if (type === undefined) return [`${key}：关键词名称应为类型加编号，如 thing1`];
    const rule = RULES[type];
    if (!rule) return [`${key}：未知的关键词类型“${type}”`];
    if (typeof value !== 'string' || value.length === 0) return [`${key}（${rule.label}）：不能为空`];
    const problem = rule.check(value);
    return problem ? [`${key}（${rule.label}）：${problem}`] : [];
  });
}

/** `point` or `point~point`; a time needs a clock time in its first point, a date a calendar date. */
function isDateTimeRange(value: string, kind: 'time' | 'date'): boolean {
  const points = value.split('~').map((point) => point.trim());
  if (points.length > 2) return false;
  return points.every((point, index) => {
    const parts = parsePoint(point);
    if (!parts) return false;
    if (index > 0) return true; // the end of a range may be just a time: 15:01~16:00
    return kind === 'time' ? parts.hasTime : parts.hasDate;
  });
}

function parsePoint(point: string): { hasDate: boolean; hasTime: boolean } | null {
  const match = POINT.exec(point);
  if (!match || point.length === 0) return null;
  const [, year, cnMonth, cnDay, isoMonth, isoDay, hour, minute, second] = match;
  const month = Number(cnMonth ?? isoMonth);
  const day = Number(cnDay ?? isoDay);
  const hasDate = year !== undefined;
  const hasTime = hour !== undefined;
  if (hasDate && !isCalendarDate(Number(year), month, day)) return null;
  if (hasTime && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59)) return null;
  return { hasDate, hasTime };
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
