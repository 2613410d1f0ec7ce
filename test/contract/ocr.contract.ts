import { FINDING_REASON } from '../../src/core/masking/identity-finder';
import type { TextReader } from '../../src/server/ports/ocr.port';
import { suggestMasks } from '../../src/server/masking/suggest';
import { certificate, iou } from '../fixtures/certificates';

/**
 * What every text reader must do on the generated certificates: read the identifying lines with
 * boxes in the right place, so the suggestions built on them cover each true region (IoU ≥ 0.5)
 * and nothing else. The local PaddleOCR adapter runs it here; a cloud adapter runs the same suite.
 */
const WHO = { name: '王建新', idNumber: '11010519491231002X', unitName: '阿克苏地区水利水电勘测设计院' };
const SEEDS = [1, 2, 5, 6];

export function textReaderContract(name: string, make: () => TextReader & { close?: () => Promise<void> }) {
  describe(`${name} (text reader contract)`, () => {
    const reader = make();
    afterAll(async () => reader.close?.());

    it('reads the lines of a certificate, each with a box inside the image', async () => {
      const { jpeg } = await certificate(SEEDS[0]!, WHO);
      const lines = await reader.read(jpeg);
      const text = lines.map((l) => l.text).join('\n');
      for (const expected of ['专业技术资格证书', WHO.name, '阿克苏地区水利水电勘测设计院']) expect(text).toContain(expected);
      for (const l of lines) {
        expect(l.box.x).toBeGreaterThanOrEqual(0);
        expect(l.box.y).toBeGreaterThanOrEqual(0);
        expect(l.box.x + l.box.w).toBeLessThanOrEqual(1.0001);
        expect(l.box.y + l.box.h).toBeLessThanOrEqual(1.0001);
      }
    });

    it.each(SEEDS)('suggests each identifying region of certificate %i and nothing else', async (seed) => {
      const c = await certificate(seed, WHO);
      const found = await suggestMasks(reader, c.jpeg, WHO);
      for (const truth of c.truth) {
        const best = Math.max(0, ...found.filter((f) => f.kind === truth.kind).map((f) => iou(f.rect, truth.rect)));
        expect({ kind: truth.kind, covered: best >= 0.5 }).toEqual({ kind: truth.kind, covered: true });
      }
      expect(found.filter((f) => !c.truth.some((t) => t.kind === f.kind && iou(f.rect, t.rect) >= 0.5))).toEqual([]);
      for (const f of found) expect(f.reason).toBe(FINDING_REASON[f.kind]);
    });

    it('reads nothing on a blank page', async () => {
      const sharp = (await import('sharp')).default;
      const blank = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#f4eede' } }).jpeg().toBuffer();
      expect(await reader.read(blank)).toEqual([]);
    });
  });
}
