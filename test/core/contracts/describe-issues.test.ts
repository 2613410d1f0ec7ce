import * as z from 'zod';
import { describeIssues } from '../../../src/core/contracts/zod-locale';

describe('describeIssues', () => {
  const schema = z.strictObject({ payment: z.strictObject({ receiptNo: z.string().trim().min(1, '请填写收据（票据）号') }), count: z.number() });

  it("says a schema's own message as it is, without the payload's field name in front", () => {
    const parsed = schema.safeParse({ payment: { receiptNo: ' ' }, count: 1 });
    expect(describeIssues(parsed.error!)).toEqual(['请填写收据（票据）号']);
  });

  it('says a generic message after the field it is about', () => {
    const parsed = schema.safeParse({ payment: { receiptNo: 'A1' }, count: 'x' });
    expect(describeIssues(parsed.error!)).toEqual([expect.stringMatching(/^count：无效输入/)]);
  });
});
