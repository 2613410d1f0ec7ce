import * as z from 'zod';
// Only the Chinese locale: `z.locales` would bundle every language into the mini-program.
import { zhCN } from 'zod/locales';

/**
 * Validation messages in Chinese wherever a schema does not give its own. Imported once by the
 * app's client and by the function dispatcher, so both sides speak the same language.
 */
z.config(zhCN());

/** Turns zod issues into Chinese lines a user can act on: `字段: 问题`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}：${issue.message}` : issue.message;
  });
}
