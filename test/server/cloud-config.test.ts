import { readFileSync } from 'node:fs';
import path from 'node:path';
import { triggerOf } from '../../src/server/function';
import { functions } from '../../src/server/functions';

/**
 * Each cloud function's `config.json` says what the cloud must grant and run: its timer triggers
 * (the same names and schedules the local runtime runs) and the openapi calls it makes (a call
 * not granted there fails in production only).
 */
const config = (name: string) =>
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'cloudfunctions', name, 'config.json'), 'utf8')) as {
    permissions: { openapi: string[] };
    triggers?: { name: string; type: string; config: string }[];
  };

describe('cloud function config.json', () => {
  it.each(Object.keys(functions))('%s: one trigger (WeChat takes one a function) that runs its timers, at the most frequent one’s schedule', (name) => {
    const fn = functions[name as keyof typeof functions];
    const trigger = triggerOf(fn);
    expect(config(name).triggers ?? []).toEqual(trigger ? [trigger] : []);
  });

  it('grants review (whose moves and outbox timer send subscription messages) subscribeMessage.send', () => {
    expect(config('review').permissions.openapi).toContain('subscribeMessage.send');
  });

  it('grants units the mini-program codes of invite codes', () => {
    expect(config('units').permissions.openapi).toContain('wxacode.getUnlimited');
  });

  it('grants applications WeChat’s OCR, which reads photos for the masking suggestions', () => {
    expect(config('applications').permissions.openapi).toContain('ocr.printedText');
  });
});
