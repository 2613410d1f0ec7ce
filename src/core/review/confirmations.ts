/**
 * What cannot be undone is confirmed first, in WeChat's modal, naming whom it affects and what
 * follows. One builder per act; `IRREVERSIBLE` lists the acts (a test keeps every page that calls one
 * asking first).
 */
export interface Confirmation {
  readonly title: string;
  readonly content: string;
  readonly confirmText: string;
  readonly cancelText: string;
}

const ask = (title: string, content: string, confirmText: string): Confirmation => ({ title, content, confirmText, cancelText: '再看看' });

export const CONFIRM = {
  approve: (applicant: string) => ask('审核通过', `确定审核通过${applicant}的申报吗？通过后交下一步办理，您不能再退回或修改意见。`, '确定通过'),
  giveBack: (applicant: string, submissions: number, max: number) =>
    ask('退回修改', `确定退回${applicant}的申报吗？退回后要在通知规定的时间内改好并重新提交，逾期视为放弃；已提交 ${submissions} 次，最多 ${max} 次。`, '退回'),
  approveMany: (applicants: readonly string[]) =>
    ask('批量审核通过', `确定审核通过以下 ${applicants.length} 份申报吗？${applicants.join('、')}。每份各自交下一步办理，您不能再退回或修改意见。`, '确定通过'),
  receive: (applicant: string) => ask('已接收材料', `确认已收到${applicant}的纸质材料吗？登记后等待缴费，不能撤销。`, '已接收'),
  recordFee: (applicant: string) => ask('已缴费', `确认${applicant}已缴清评审费吗？登记后进入答辩和评审安排，不能撤销。`, '确认缴费'),
  approveUnit: (unit: string, registrant: string) => ask('通过单位登记', `确定通过“${unit}”的登记吗？${registrant}将成为单位管理员并得到邀请码，本单位人员可用它加入。`, '通过'),
  certify: (people: number) => ask('确认取得资格', `确认 ${people} 人取得资格吗？确认后每人会收到通知，不能撤销。`, '确认'),
  publishRound: (title: string, version: number, applicants: boolean) =>
    ask(
      '发布批次',
      version === 1
        ? `确定发布“${title}”吗？发布后申报人即可看到并自测、申报；已发布的内容不能再改，更正要发布新版本。`
        : `确定发布“${title}”第 ${version} 版吗？发布后不能再改${applicants ? '，已申报的人会收到更正通知' : ''}。`,
      '发布',
    ),
} as const;

/** The acts that cannot be undone, by the action that does them, and who confirms them. */
export const IRREVERSIBLE: Readonly<Record<string, keyof typeof CONFIRM>> = {
  'review.approve': 'approve',
  'review.approveMany': 'approveMany',
  'review.return': 'giveBack',
  'committee.receive': 'receive',
  'committee.recordFee': 'recordFee',
  'units.decide': 'approveUnit',
  'committee.certify': 'certify',
  'rounds.publish': 'publishRound',
};
