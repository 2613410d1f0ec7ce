import { INVITE_CODE_LENGTH } from './person';

/**
 * What someone registering, a unit's registrant, its admin and a colleague joining it are told when
 * a step is refused: what happened and what to do, in plain Chinese.
 */
export const ACCOUNT_REFUSAL = {
  registered: { detail: '您已经登记过了。', message: '您已经登记过了，不用再登记。' },
  choosePrefecture: { detail: '请选择所在地（州）', message: '请从列表中选择所在地（州）。' },
  chooseCounty: { detail: '请选择所在县（市）', message: '所在县（市）不在这个地（州），请重新选择。' },
  unitMissing: '所在单位的登记信息缺失，请联系单位管理员',
} as const;

export const UNIT_REFUSAL = {
  hasUnit: '您已经有所在单位，不能再登记新的单位。',
  countyNeeded: { detail: '县（市）单位请选择所在县（市）', message: '县（市）单位请选择所在县（市）。' },
  waiting: (name: string) => `“${name}”的登记正在等待审核，请不要重复登记。`,
  codeTaken: (name: string) => `这个统一社会信用代码已登记为“${name}”：请向该单位的单位管理员要邀请码加入，不用重新登记。`,
  noSuchPending: '没有找到这个待审核的单位，可能已经审核过了。',
  decided: '这个单位已经审核过了。',
  registrantGone: '登记这个单位的人员不存在了。',
  reasonNeeded: { detail: '不通过时请写明理由，方便对方修改后重新登记。', message: '不通过时请写明理由。' },
  noInviteCode: '本单位还没有邀请码：单位登记通过审核后才有。',
  codeShape: `邀请码是 ${INVITE_CODE_LENGTH} 位字母和数字（不含 I、O、0、1），请向单位管理员核对。`,
  waitMinutes: (minutes: number) => `请 ${minutes} 分钟后再试。`,
  wrongCode: (left: number) => `邀请码不对：没有找到这个单位。请向单位管理员核对后再试${left > 0 ? `（这一小时还可以试 ${left} 次）` : '（这一小时的次数已用完）'}。`,
  inAnotherUnit: { detail: '您已经在另一个单位。调动单位请联系原单位管理员。', message: '您已经在另一个单位，不能直接加入新单位。' },
} as const;
