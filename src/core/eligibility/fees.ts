import type { ApplicationEvent, Channel, Consequence, FeePayment, Level, Round, Way } from '../round/round.schema';
import { parseBeijingInstant } from '../time/beijing';
import { formatBeijingDate } from '../time/format';
import type { FeeAnswer } from './assessment';
import { chineseDate } from './calendar-date';

const AFTER_WORDS: Readonly<Record<ApplicationEvent, string>> = {
  formal_review_passed: '通过形式审核后',
  materials_accepted: '显示“已接收材料”后',
  review_meeting_ended: '评审会结束后',
  returned: '被退回后',
};

const UNPAID_WORDS: Readonly<Record<Consequence, string>> = {
  deemed_abandoned: '未按时缴纳的视为放弃',
  not_accepted: '逾期不予受理',
  not_evaluated: '未缴纳的不予评审',
  not_recognised: '未缴纳的不予认可',
  not_stated: '',
};

/**
 * The fee for one level × way × channel (a fee item without channels holds for every channel) and
 * how it is paid. Null when the round states no fee for it (yuli, or a forwarded application).
 */
export function feeFor(round: Round, level: Level, way: Way, channel: Channel): FeeAnswer | null {
  const item = round.fees.items.find(
    (f) => f.way === way && f.levels.includes(level) && (f.channels === undefined || f.channels.includes(channel)),
  );
  if (!item) return null;
  const payment = round.fees.payment[0];
  return { amountYuan: item.amountYuan, when: payment ? paymentText(round, payment) : '通知没有写缴费方式', source: item.source };
}

/**
 * The last moment the round's fee may be paid (its payment window's end, Beijing time), when the
 * notice gives one and says unpaid applications are not evaluated or are abandoned; else null.
 */
export function feeDeadline(round: Round): Date | null {
  const payment = round.fees.payment[0];
  if (!payment || payment.unpaid === 'not_stated' || payment.unpaid === 'not_recognised') return null;
  const window = round.windows.find((w) => w.id === payment.deadlineWindow);
  if (window?.end.kind !== 'at') return null;
  const end = parseBeijingInstant(window.end.at);
  return end.ok ? end.value : null;
}

/** `通过形式审核后，在阿克苏地区水利局财审室缴纳，2024年9月15日前缴清；未缴纳的不予评审。` */
function paymentText(round: Round, payment: FeePayment): string {
  const who = payment.payer === 'submitting_unit' ? '由呈报单位统一' : '';
  let how: string;
  switch (payment.method) {
    case 'at_office':
      how = `在${payment.place ?? payment.payee}缴纳`;
      break;
    case 'bank':
      how = `通过银行向${payment.payee}缴纳`;
      break;
    case 'online':
      how = `在网上向${payment.payee}缴纳`;
      break;
    case 'not_stated':
      how = `向${payment.payee}缴纳`;
      break;
  }
  const parts = [`${AFTER_WORDS[payment.after]}，${who}${how}`];
  const window = round.windows.find((w) => w.id === payment.deadlineWindow);
  const end = window?.end.kind === 'at' ? dateOf(window.end.at) : null;
  const start = window?.start.kind === 'at' ? dateOf(window.start.at) : null;
  if (start && end) parts.push(`缴费时间${start}至${end}`);
  else if (end) parts.push(`${end}前缴清`);
  const unpaid = UNPAID_WORDS[payment.unpaid];
  return `${parts.join('，')}${unpaid ? `；${unpaid}` : ''}。`;
}

function dateOf(instant: string): string | null {
  const parsed = parseBeijingInstant(instant);
  return parsed.ok ? formatBeijingDate(parsed.value) : null;
}

/**
 * Why a recorded payment cannot stand, or null: it was paid on a day that has come (Beijing), not
 * one still ahead.
 */
export function feePaymentRefusal(payment: { readonly paidOn: string }, today: string): string | null {
  return payment.paidOn > today ? `缴费日期${chineseDate(payment.paidOn)}还没到，请按收据上的日期填写。` : null;
}
