import { appError, type AppError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import { toAppError } from './api/client';

/** A seeded person the local runtime offers for dev login. */
export interface DemoPerson {
  readonly personId: string;
  readonly name: string;
  readonly role: string;
  readonly roleLabel: string;
  readonly note: string | null;
}

async function request<T>(path: string, init?: RequestInit): Promise<Result<T, AppError>> {
  try {
    const response = await fetch(path, init);
    const reply = (await response.json()) as { ok: true; data: T } | { ok: false; code: string; message: string };
    return reply.ok ? ok(reply.data) : err(toAppError(reply.code, reply.message));
  } catch {
    return err(appError('NETWORK.UNREACHABLE'));
  }
}

/** Only the local runtime answers these; WeChat builds never call them. */
export const listDemoPeople = () => request<DemoPerson[]>('/dev/people');

export const devLogin = (personId: string) =>
  request<{ token: string }>('/dev/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ personId }),
  });
