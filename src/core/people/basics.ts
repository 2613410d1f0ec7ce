import * as z from 'zod';

/**
 * What the publicity (基本信息：性别、族别、政治面貌…) and the roster (bazhou-ecoenv-2024 附件5) ask of an applicant
 * beyond the application itself. Sex and birth come from the ID number; these two are asked.
 */

/** The 56 nationalities of China, as the roster writes them. */
export const ETHNICITIES = [
  '汉族', '维吾尔族', '哈萨克族', '回族', '柯尔克孜族', '蒙古族', '塔吉克族', '锡伯族', '满族', '乌孜别克族', '俄罗斯族', '达斡尔族', '塔塔尔族',
  '壮族', '藏族', '苗族', '彝族', '土家族', '布依族', '侗族', '瑶族', '朝鲜族', '白族', '哈尼族', '黎族', '傈僳族', '佤族', '畲族', '高山族',
  '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '土族', '羌族', '撒拉族', '仫佬族', '仡佬族', '布朗族', '毛南族', '普米族', '阿昌族', '怒族',
  '鄂温克族', '京族', '基诺族', '德昂族', '保安族', '裕固族', '门巴族', '鄂伦春族', '独龙族', '赫哲族', '珞巴族', '其他',
] as const;

/** 政治面貌, the standard list. */
export const POLITICAL_STATUSES = [
  '中共党员', '中共预备党员', '共青团员', '民革党员', '民盟盟员', '民建会员', '民进会员', '农工党党员', '致公党党员', '九三学社社员', '台盟盟员', '无党派人士', '群众',
] as const;

export const Basics = z.strictObject({
  ethnicity: z.enum(ETHNICITIES, { message: '请从列表中选择民族' }).nullable(),
  politicalStatus: z.enum(POLITICAL_STATUSES, { message: '请从列表中选择政治面貌' }).nullable(),
});
export type Basics = z.infer<typeof Basics>;

export const NO_BASICS: Basics = { ethnicity: null, politicalStatus: null };
