import Taro from '@tarojs/taro';

/**
 * Moving between pages, for pages and features (only services call the platform): open a page on
 * top, replace this one, go back, start over at one.
 */
export const openPage = (url: string): Promise<unknown> => Taro.navigateTo({ url });
export const replacePage = (url: string): Promise<unknown> => Taro.redirectTo({ url });
export const goBack = (): Promise<unknown> => Taro.navigateBack();
export const restartAt = (url: string): Promise<unknown> => Taro.reLaunch({ url });
export const stopPullDownRefresh = (): void => Taro.stopPullDownRefresh();
