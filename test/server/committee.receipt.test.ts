import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Caller } from '../../src/server/dispatch';
import { dispatch } from '../../src/server/dispatch';
import { functions } from '../../src/server/functions';
import { openHarness, type Harness } from './harness';

/**
 * 已缴费 with the receipt's photo: checked by its bytes in `applications` (the function with an image
 * decoder), kept with the payment by `committee`, shown to the secretary only as a short-lived link.
 */
const secretary: Caller = { openid: 'demo-openid-secretary' };
const APP = (n: number) => `person-forestry-${n}:aksu-forestry-2024:directed_evaluation:deputy_senior`;

describe('the fee receipt', () => {
  let harness: Harness;
  const call = (caller: Caller, action: string, payload: unknown) => dispatch(functions, 'committee', { action, payload }, caller, harness.deps);
  const check = (caller: Caller, payload: unknown) => dispatch(functions, 'applications', { action: 'checkPhoto', payload }, caller, harness.deps);
  let photo: { ref: string; sha256: string };

  beforeAll(async () => {
    harness = await openHarness('receipt', new Date('2024-09-02T02:00:00Z'));
    // Two seeded engineers back at 已接收材料, their fee not yet recorded.
    for (const n of [1, 2]) {
      const doc = await harness.store.get('applications', APP(n));
      await harness.store.update('applications', APP(n), doc!._rev, { status: 'materials_received' });
    }
    const content = await sharp({ create: { width: 200, height: 120, channels: 3, background: '#fafafa' } }).jpeg().toBuffer();
    photo = { ref: await harness.files.put('uploads/person-secretary/receipt.jpg', content, 'image/jpeg'), sha256: createHash('sha256').update(content).digest('hex') };
  });
  afterAll(() => harness.close());

  it('refuses a receipt from someone else’s folder, or whose bytes do not match, and records nothing', async () => {
    const other = await harness.files.put('uploads/person-forestry-1/receipt.jpg', new Uint8Array([1, 2, 3]), 'image/jpeg');
    expect((await call(secretary, 'recordFee', { applicationId: APP(1), requestId: 'fee-receipt-1', payment: { amountYuan: 700, paidOn: '2024-08-17', receiptNo: 'AKS-0001' }, receipt: { ref: other, sha256: photo.sha256 } })).reply).toMatchObject({ ok: false, code: 'FILE.NOT_CHECKED' });
    expect((await check(secretary, { ref: other, sha256: photo.sha256 })).reply).toMatchObject({ ok: false, code: 'APPLICATION.FILE_NOT_YOURS' });
    expect((await check(secretary, { ref: photo.ref, sha256: 'c'.repeat(64) })).reply).toMatchObject({ ok: false, code: 'FILE.CONTENT_MISMATCH' });
    expect((await call(secretary, 'recordFee', { applicationId: APP(1), requestId: 'fee-receipt-1', payment: { amountYuan: 700, paidOn: '2024-08-17', receiptNo: 'AKS-0001' }, receipt: { ref: photo.ref, sha256: 'c'.repeat(64) } })).reply).toMatchObject({ ok: false, code: 'FILE.NOT_CHECKED' });
    expect(await harness.store.get('applications', APP(1))).toMatchObject({ status: 'materials_received', feeReceipt: null });
  });

  it('refuses a receipt the applications function has not checked, and a photo that does not decode', async () => {
    expect((await call(secretary, 'recordFee', { applicationId: APP(1), requestId: 'fee-receipt-1', payment: { amountYuan: 700, paidOn: '2024-08-17', receiptNo: 'AKS-0001' }, receipt: photo })).reply).toMatchObject({ ok: false, code: 'FILE.NOT_CHECKED' });
    const whole = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#a0a0a0' } }).jpeg().toBuffer();
    // Cut off in the middle, with an end marker appended: the header still reads, the picture does not decode.
    const cut = Buffer.concat([whole.subarray(0, Math.floor(whole.length / 2)), Buffer.from([0xff, 0xd9])]);
    const cutRef = await harness.files.put('uploads/person-secretary/cut.jpg', cut, 'image/jpeg');
    const cutUpload = { ref: cutRef, sha256: createHash('sha256').update(cut).digest('hex') };
    expect((await check(secretary, cutUpload)).reply).toMatchObject({ ok: false, code: 'FILE.CONTENT_MISMATCH' });
    expect((await call(secretary, 'recordFee', { applicationId: APP(1), requestId: 'fee-receipt-1', payment: { amountYuan: 700, paidOn: '2024-08-17', receiptNo: 'AKS-0001' }, receipt: cutUpload })).reply).toMatchObject({ ok: false, code: 'FILE.NOT_CHECKED' });
    expect(await harness.store.get('applications', APP(1))).toMatchObject({ status: 'materials_received', feeReceipt: null });
  });

  it('records the fee with its receipt once checked, kept without metadata; the secretary’s list links to the photo', async () => {
    const checked = await check(secretary, photo);
    expect(checked.reply).toEqual({ ok: true, data: { ref: expect.stringMatching(/^local\/originals\/person-secretary\/[0-9a-f]{64}-[0-9a-f-]+\.jpg$/), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const receipt = (checked.reply as { data: { ref: string; sha256: string } }).data;
    const kept = (await harness.files.get(receipt.ref))!;
    expect(createHash('sha256').update(kept).digest('hex')).toBe(receipt.sha256);
    expect((await sharp(kept).metadata()).exif).toBeUndefined();
    // The upload itself is removed once the check is recorded.
    expect(await harness.files.get(photo.ref)).toBeNull();
    // Checked again (a retry whose answer was lost, the upload gone): the same answer, one record.
    expect((await check(secretary, photo)).reply).toEqual({ ok: true, data: receipt });
    expect(await harness.store.find('uploads', { where: [{ field: 'personId', op: 'eq', value: 'person-secretary' }] })).toHaveLength(1);
    // The upload is not the receipt: only what was kept is.
    expect((await call(secretary, 'recordFee', { applicationId: APP(1), requestId: 'fee-receipt-1', payment: { amountYuan: 700, paidOn: '2024-08-17', receiptNo: 'AKS-0001' }, receipt: photo })).reply).toMatchObject({ ok: false, code: 'FILE.NOT_CHECKED' });
    const paid = await call(secretary, 'recordFee', { applicationId: APP(1), requestId: 'fee-receipt-1', payment: { amountYuan: 700, paidOn: '2024-08-17', receiptNo: 'AKS-0001' }, receipt });
    expect(paid.reply).toMatchObject({ ok: true });
    const item = (paid.reply as { data: { id: string; status: string; receiptUrl: string | null }[] }).data.find((i) => i.id === APP(1))!;
    expect(item.status).toBe('fee_paid');
    expect(item.receiptUrl).toContain(encodeURIComponent(receipt.ref));
    expect(await harness.store.get('applications', APP(1))).toMatchObject({ status: 'fee_paid', feeReceipt: { ref: receipt.ref, sha256: receipt.sha256, by: 'person-secretary' } });
    // Without a receipt it is recorded all the same.
    const plain = await call(secretary, 'recordFee', { applicationId: APP(2), requestId: 'fee-plain-2', payment: { amountYuan: 700, paidOn: '2024-08-17', receiptNo: 'AKS-0001' } });
    expect((plain.reply as { data: { id: string; status: string; receiptUrl: string | null }[] }).data.find((i) => i.id === APP(2))).toMatchObject({ status: 'fee_paid', receiptUrl: null, payment: { amountYuan: 700, paidOn: '2024-08-17', receiptNo: 'AKS-0001' } });
    expect(await harness.store.get('applications', APP(2))).toMatchObject({ feePayment: { amountYuan: 700, paidOn: '2024-08-17', receiptNo: 'AKS-0001', by: 'person-secretary' } });
  });

  it('records the fee only with its amount, a day that has come and the receipt\'s number', async () => {
    const missing = await call(secretary, 'recordFee', { applicationId: APP(3), requestId: 'fee-missing-3' });
    expect(missing.reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD', details: [expect.stringContaining('请填写缴费金额、缴费日期和收据号')] });
    const blank = await call(secretary, 'recordFee', { applicationId: APP(3), requestId: 'fee-blank-3', payment: { amountYuan: 700, paidOn: '2024-08-17', receiptNo: '  ' } });
    expect(blank.reply).toMatchObject({ ok: false, details: [expect.stringContaining('请填写收据（票据）号')] });
    const future = await call(secretary, 'recordFee', { applicationId: APP(3), requestId: 'fee-future-3', payment: { amountYuan: 700, paidOn: '2030-01-01', receiptNo: 'AKS-0002' } });
    expect(future.reply).toMatchObject({ ok: false, details: ['缴费日期2030年1月1日还没到，请按收据上的日期填写。'] });
    expect(await harness.store.get('applications', APP(3))).toMatchObject({ feePayment: null });
  });
});
