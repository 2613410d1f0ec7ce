import Taro from '@tarojs/taro';

/**
 * The local runtime's dev session, read by the H5 platform only. In WeChat the platform
 * identifies the caller, so the mini-program never holds a token.
 */
const KEY = 'dev-session-token';

export function readSessionToken(): string | null {
  const token: unknown = Taro.getStorageSync(KEY);
  return typeof token === 'string' && token.length > 0 ? token : null;
}

export function saveSessionToken(token: string): void {
  Taro.setStorageSync(KEY, token);
}

export function clearSessionToken(): void {
  Taro.removeStorageSync(KEY);
}
