import * as z from 'zod';
import { action } from '../contract';
import { Empty } from '../fields';
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
      name: z.string().trim().min(2, '请填写您的姓名').max(20, '姓名最多 20 个字'),
      prefecture: z.string().trim().min(2, '请选择所在地（州）').max(20, '地（州）名称过长'),
      county: z.string().trim().max(20, '县（市）名称过长').nullable(),
    }),
  ),
} as const;
