import type { Channel, Education, EmploymentKind, Fact, Level, MaskItem, SkillLevel, UnitLevel, Way } from '../round/round.schema';
import type { AppraisalResult } from './profile';

/**
 * Chinese words the engine puts in front of applicants. One place, so a wording fix reaches every
 * message and the UI can reuse the same names.
 */

export const LEVEL_LABELS: Readonly<Record<Level, string>> = {
  junior_yuan: '初级（员级）',
  junior_assistant: '初级（助理级）',
  intermediate: '中级',
  deputy_senior: '副高级',
  senior: '正高级',
};

export const WAY_LABELS: Readonly<Record<Way, string>> = {
  evaluation: '评审',
  initial: '初定',
  grant: '授予',
};

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  directed: '定向评价',
  private_enterprise: '民营企业专项评审',
  general: '',
};

export const EDUCATION_LABELS: Readonly<Record<Education, string>> = {
  secondary_vocational: '中专',
  junior_college: '大专',
  bachelor: '本科',
  master: '硕士研究生',
  doctorate: '博士研究生',
};

export const SKILL_LABELS: Readonly<Record<SkillLevel, string>> = {
  senior_worker: '高级工',
  technician: '技师',
  senior_technician: '高级技师',
};

export const APPRAISAL_LABELS: Readonly<Record<AppraisalResult, string>> = {
  excellent: '优秀',
  qualified: '合格',
  basically_qualified: '基本合格',
  unqualified: '不合格',
  not_appraised: '未参加考核',
};

export const EMPLOYMENT_KIND_LABELS: Readonly<Record<EmploymentKind, string>> = {
  institution: '事业单位',
  state_enterprise: '国有企业',
  private_enterprise: '民营企业',
  social_organization: '社会组织',
  freelancer: '自由职业',
  agency: '机关（公务员）',
  civil_service_managed_institution: '参照公务员法管理的单位',
};

export const UNIT_LEVEL_LABELS: Readonly<Record<UnitLevel, string>> = {
  autonomous_region: '自治区直属单位',
  prefecture: '地（州）直属单位',
  county: '县（市）单位',
  township: '乡镇及以下单位',
};

/** Service that exempts from continuing education or the defense, as the notices name it. */
export const SERVICE_FACT_LABELS = {
  village_work_this_year: '今年参加驻村工作',
  fanghuiju_village_work: '“访惠聚”驻村（含抽调到“访惠聚”办公室）',
  temple_management_work: '驻村管寺',
  preschool_support_teaching: '南疆学前（双语）教育支教',
  inland_service_management_work: '内地服务管理工作',
  poverty_village_first_secretary: '深度贫困村第一书记',
  ethnic_minority_special_trainee: '少数民族特培学员',
} as const satisfies Partial<Record<Fact, string>>;
export type ServiceFact = keyof typeof SERVICE_FACT_LABELS;

/** What a blind-review mask covers. */
export const MASK_LABELS: Readonly<Record<MaskItem, string>> = {
  own_name: '本人姓名',
  own_photo: '本人照片',
  own_photo_eyes: '照片的眼睛部位',
  id_card_photo_eyes: '身份证照片的眼睛部位',
  work_unit: '工作单位',
  unit_seal: '单位公章',
  id_number: '身份证号码',
};

/** How a fact reads when it holds, when it does not, and as a question to find out. */
export interface FactWording {
  readonly yes: string;
  readonly no: string;
  readonly ask: string;
}

export const FACT_WORDING: Readonly<Record<Fact, FactWording>> = {
  works_in_prefecture: { yes: '在本地区从事专业技术工作', no: '不在本地区从事专业技术工作', ask: '是否在本地区从事专业技术工作' },
  has_employment_relationship: { yes: '与单位签了劳动（聘用）合同', no: '与单位没有劳动（聘用）关系', ask: '是否与单位签了劳动（聘用）合同' },
  retired: { yes: '已经退休', no: '没有退休', ask: '是否已经退休' },
  employer_licence_registered_in_prefecture: {
    yes: '单位营业执照在本地区注册',
    no: '单位营业执照不在本地区注册',
    ask: '单位营业执照是否在本地区注册',
  },
  personnel_file_held_by_prefecture_agency: {
    yes: '人事档案由本地区人事代理机构托管',
    no: '人事档案不在本地区人事代理机构',
    ask: '人事档案是否由本地区人事代理机构托管',
  },
  posted_by_enterprise_outside_xinjiang: {
    yes: '是疆外民营企业派驻本地区的人员',
    no: '不是疆外民营企业派驻的人员',
    ask: '是否是疆外民营企业派驻本地区的人员',
  },
  first_title_application: { yes: '是第一次申报职称', no: '不是第一次申报职称', ask: '是否第一次申报职称' },
  full_time_graduate: { yes: '是全日制普通院校毕业', no: '不是全日制普通院校毕业', ask: '学历是否是全日制' },
  appraisal_qualified: { yes: '考核合格', no: '考核不合格', ask: '考核是否合格' },
  fanghuiju_village_work: { yes: '参加了“访惠聚”驻村工作', no: '没有参加“访惠聚”驻村工作', ask: '是否参加“访惠聚”驻村工作' },
  village_work_this_year: { yes: '今年参加驻村', no: '今年没有参加驻村', ask: '今年是否参加驻村' },
  temple_management_work: { yes: '参加了驻村管寺工作', no: '没有参加驻村管寺工作', ask: '是否参加驻村管寺工作' },
  preschool_support_teaching: { yes: '参加了南疆学前教育支教', no: '没有参加南疆学前教育支教', ask: '是否参加南疆学前教育支教' },
  inland_service_management_work: { yes: '参加了内地服务管理工作', no: '没有参加内地服务管理工作', ask: '是否参加内地服务管理工作' },
  poverty_village_first_secretary: { yes: '担任深度贫困村第一书记', no: '没有担任深度贫困村第一书记', ask: '是否担任深度贫困村第一书记' },
  ethnic_minority_special_trainee: { yes: '是少数民族特培学员', no: '不是少数民族特培学员', ask: '是否是少数民族特培学员' },
  transferred_from_agency: { yes: '是从机关调到企事业单位的', no: '不是从机关调来的', ask: '是否是从机关调到企事业单位的' },
  one_step_intermediate: { yes: '按“一步到位”申报中级', no: '不是“一步到位”申报中级', ask: '是否按“一步到位”申报中级' },
  has_current_title: { yes: '已有职称', no: '还没有职称', ask: '现在有没有职称' },
  current_title_obtained_outside_xinjiang: {
    yes: '现有职称是在疆外取得的',
    no: '现有职称是在新疆取得的',
    ask: '现有职称是在新疆还是疆外取得的',
  },
};

/** `初级（助理级）· 初定 · 定向评价`; a round's unnamed `general` channel adds nothing. */
export function offerLabel(level: Level, way: Way, channel: Channel): string {
  return [LEVEL_LABELS[level], WAY_LABELS[way], CHANNEL_LABELS[channel]].filter((part) => part !== '').join(' · ');
}

/** `甲、乙或丙`: a list of alternatives the way people say it. */
export function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}或${items[items.length - 1]}`;
}

/** `甲、乙和丙`. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}
