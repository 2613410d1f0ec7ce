import * as z from 'zod';
import { action } from '../contract';
import { Empty, readableName } from '../fields';
import type { MeView } from '../views';

/** The `account` function's actions: each payload's schema and, as a type, what it answers. */
export const accountContract = {
  me: action<MeView>()(Empty),
  /**
   * Registers the person WeChat identifies (their OPENID, never the payload's) as an applicant:
   * their name and where they work. They join or register their unit next.
   */
  register: action<MeView>()(
    z.strictObject({
      name: readableName({ min: 2, max: 20, tooShort: '请填写您的姓名', tooLong: '姓名最多 20 个字', hidden: '姓名里有看不见的字符或控制字符，请删掉后重新输入（与身份证一致）' }),
      prefecture: z.string().trim().min(2, '请选择所在地（州）').max(20, '地（州）名称过长'),
      county: z.string().trim().max(20, '县（市）名称过长').nullable(),
    }),
  ),
} as const;
