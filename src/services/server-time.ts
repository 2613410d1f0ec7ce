import Taro from '@tarojs/taro';

/**
 * "Now" for the app, from the server's clock, never the phone's: phones are set wrong, and a
 * deadline shown from a wrong clock misleads. The server says its time at sign-in (`account.me`);
 * the app keeps the difference to the phone's clock (also on the phone, for the offline
 * self-check) and adds it to the phone's running clock. The error is the one-way network delay,
 * under a second, far below the minute a deadline is shown to.
 */
const KEY = 'server-clock-offset-ms';
let offsetMs: number | null = null;

/** Learns the server's time from a reply that just arrived. */
export function learnServerTime(serverTime: string, receivedAtMs: number = Date.now()): void {
  const server = Date.parse(serverTime);
  if (Number.isNaN(server)) return;
  offsetMs = server - receivedAtMs;
  Taro.setStorageSync(KEY, offsetMs);
}

/** The server's time now, as best known; the phone's clock until the server was first reached. */
export function serverNow(): Date {
  if (offsetMs === null) {
    const stored: unknown = Taro.getStorageSync(KEY);
    offsetMs = typeof stored === 'number' && Number.isFinite(stored) ? stored : null;
  }
  return new Date(Date.now() + (offsetMs ?? 0));
}
