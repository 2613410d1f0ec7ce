import Taro from '@tarojs/taro';

/** What the phone keeps for this app between visits (a self-check's draft): read, keep, forget. */
export const readStored = (key: string): unknown => Taro.getStorageSync(key) as unknown;
export const keepStored = (key: string, value: unknown): void => Taro.setStorageSync(key, value);
export const forgetStored = (key: string): void => Taro.removeStorageSync(key);
