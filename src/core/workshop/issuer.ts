import type { Person } from '../people/person';
import type { RoundShape } from '../round/round.schema';

/**
 * Who issues a round and so may draft, check and publish it: the HR bureau of its region (a
 * prefecture round: the prefecture's HR reviewers; a county round such as yuli's 初定: the county's),
 * and the secretary of the committee that evaluates it (a secretary serves the rounds listed on
 * their account, and the rounds copied from them). Nobody else, whatever a payload says.
 */
export function issuesRound(person: Pick<Person, 'role' | 'prefecture' | 'county' | 'rounds'>, round: Pick<RoundShape, 'id' | 'region' | 'publication'>, copiedFrom?: string): boolean {
  switch (person.role) {
    case 'prefecture_hr':
      return round.region.county === undefined && person.prefecture === round.region.prefecture;
    case 'county_hr':
      return round.region.county !== undefined && person.prefecture === round.region.prefecture && person.county === round.region.county;
    case 'committee_secretary': {
      const served = person.rounds ?? [];
      return [round.id, round.publication?.copiedFrom, copiedFrom].some((id) => id !== undefined && served.includes(id));
    }
    default:
      return false;
  }
}

/** The roles that may hold a round's workshop at all (each then checked by `issuesRound`). */
export const ISSUER_ROLES = ['prefecture_hr', 'county_hr', 'committee_secretary'] as const;

/** Why a workshop step was refused, in Chinese. */
export const WORKSHOP_REFUSAL = {
  published: '这个试编批次已经发布，不能再修改；要更正，请在批次列表中对已发布的批次选择“更正”。',
  nextYearExists: (id: string) => `下一年度的批次（${id}）已经发布；要改它，请对它选择“更正”。`,
  sameYear: '新年度要晚于被复制的批次的年度。',
  noNotice: '请先粘贴新通知的原文，再处理找到的内容。',
  noCandidate: '没有找到这一条，请刷新后再试。',
  decided: '这一条已经处理过了。',
  noTarget: '请选择要填入的项目。',
  checksOpen: (n: number) => `还有 ${n} 项检查没有通过，不能发布。请按检查清单逐项处理。`,
  changeNoteNeeded: '更正版本要写明更正了什么（更正说明）。',
  tooManyTestPeople: '测试人员最多10位。',
  committeeKept: '复制的批次沿用原批次的评审委员会。',
  noSuchCommittee: '请从本地区的评审委员会中选择。',
  emptyBySecretary: '委员会秘书请从所服务的批次复制为新年度；从空白开始的批次由发文的人社局建立。',
  yearOutOfRange: (year: number) => `年度请填写 ${year - 1} 至 ${year + 1} 年之间的年份。`,
} as const;
