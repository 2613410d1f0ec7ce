import Taro from '@tarojs/taro';
import { errorKind, type AppError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import { Round } from '../core/round/round.schema';
import { call } from './api/client';

/**
 * Rounds for the app, kept on the phone once loaded so the self-check works without the network.
 * The network copy wins when there is one: a round can be corrected by its issuer.
 */
const cacheKey = (roundId: string) => `round:${roundId}`;

export async function loadRound(roundId: string): Promise<Result<{ round: Round; offline: boolean }, AppError>> {
  const fresh = await call('rounds', 'get', { roundId });
  if (fresh.ok) {
    Taro.setStorageSync(cacheKey(roundId), fresh.value);
    return ok({ round: fresh.value, offline: false });
  }
  const cached = cachedRound(roundId);
  if (cached && errorKind(fresh.error.code) === 'network') return ok({ round: cached, offline: true });
  return err(fresh.error);
}

export function cachedRound(roundId: string): Round | null {
  const raw: unknown = Taro.getStorageSync(cacheKey(roundId));
  if (!raw) return null;
  const parsed = Round.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
