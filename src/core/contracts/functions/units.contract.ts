import * as z from 'zod';
import { action } from '../contract';
import { Empty, readableName, typedText } from '../fields';
import type { MyUnitView, InviteImageView, PendingUnitView, DecidedUnitView } from '../views';
import { creditCodeProblem, normaliseCreditCode } from '../../people/credit-code';

/** The `units` function's actions: each payload's schema and, as a type, what it answers. */
export const unitsContract = {
  /** Registers the caller's unit (they become its admin once the HR bureau of its level approves). */
  register: action<MyUnitView>()(
    z.strictObject({
      name: readableName({ min: 4, max: 60, tooShort: '请填写单位全称（至少 4 个字）', tooLong: '单位名称最多 60 个字', hidden: '单位名称里有看不见的字符或控制字符，请删掉后重新输入（与公章一致）' }),
      level: z.enum(['prefecture', 'county'], { message: '请选择单位是地（州）直属还是县（市）单位' }),
      kind: z.enum(['institution', 'state_enterprise', 'private_enterprise', 'social_organization'], { message: '请选择单位性质' }),
      county: z.string().trim().max(20, '县（市）名称过长').nullable(),
      creditCode: z
        .string({ message: '请填写统一社会信用代码' })
        .transform(normaliseCreditCode)
        .superRefine((code, ctx) => {
          const problem = code === '' ? '请填写统一社会信用代码（营业执照或登记证书上的 18 位代码）' : creditCodeProblem(code);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
      contactName: readableName({ min: 2, max: 20, tooShort: '请填写联系人姓名', tooLong: '联系人姓名最多 20 个字', hidden: '联系人姓名里有看不见的字符，请删掉后重新输入' }),
      contactPhone: z
        .string({ message: '请填写联系电话' })
        .transform((typed) => typed.replace(/[\s－—-]/g, ''))
        .refine((phone) => /^(1[3-9]\d{9}|0\d{2,3}\d{7,8})$/.test(phone), '请填写 11 位手机号，或带区号的座机号码（如 0996-2021234）'),
    }),
  ),
  /** The caller's unit, or their registration waiting, or null. */
  mine: action<MyUnitView | null>()(Empty),
  /** Units waiting for the caller's approval (county HR: their county's; prefecture HR: the prefecture's own units). */
  pending: action<readonly PendingUnitView[]>()(Empty),
  /** The registrations the caller's bureau decided, latest first: its history of approvals and refusals. */
  decided: action<readonly DecidedUnitView[]>()(Empty),
  /** Approves (with an invite code) or rejects (with a reason) a unit's registration. */
  decide: action<readonly PendingUnitView[]>()(
    z.strictObject({ unitId: z.string().trim().min(1).max(80), approve: z.boolean(), reason: typedText({ max: 100, tooLong: '理由最多 100 字' }).default('') }),
  ),
  /** Joins the unit whose invite code this is (the code its admin shares, or its QR code). */
  /** Joins the unit whose invite code this is; wrong codes are limited per person (10 an hour). */
  join: action<MyUnitView>()(z.strictObject({ inviteCode: z.string().trim().min(1, '请填写邀请码').max(30, '邀请码是 10 位字母和数字') })),
  /** A new invite code for the admin's unit; the old code and its mini-program code stop working. */
  renewInviteCode: action<MyUnitView>()(Empty),
  /** The unit admin's invite code as a mini-program code (小程序码) staff scan with WeChat to join. */
  inviteImage: action<InviteImageView>()(Empty),
} as const;
