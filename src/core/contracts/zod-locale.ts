import * as z from 'zod';
// Only the Chinese locale: `z.locales` would bundle every language into the mini-program.
import { zhCN } from 'zod/locales';

/**
 * Validation messages in Chinese wherever a schema does not give its own. Imported once by the
 * app's client and by the function dispatcher, so both sides speak the same language.
 */
z.config(zhCN());

/** zod's own Chinese messages (zh-CN locale): generic, so the field they are about is said with them. */
const GENERIC = /^(无效|数值过大|数值过小|出现未知的键)/;

/**
 * Turns zod issues into Chinese lines a user can act on: a schema's own message as it is (it names
 * its field: 请填写收据（票据）号), a generic one after the field it is about (`字段：问题`).
 */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path && GENERIC.test(issue.message) ? `${path}：${issue.message}` : issue.message;
  });
}
