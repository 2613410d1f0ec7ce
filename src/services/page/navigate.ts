import Taro from '@tarojs/taro';

/**
 * Moving between pages, for pages and features (only services call the platform): open a page on
 * top, replace this one, go back, start over at one, bring an element of this page on screen.
 */
export const openPage = (url: string): Promise<unknown> => Taro.navigateTo({ url });
export const replacePage = (url: string): Promise<unknown> => Taro.redirectTo({ url });
export const goBack = (): Promise<unknown> => Taro.navigateBack();
export const restartAt = (url: string): Promise<unknown> => Taro.reLaunch({ url });
export const stopPullDownRefresh = (): void => Taro.stopPullDownRefresh();

/** Scrolls this page until the element is on screen; nothing happens if it is not there. */
export function scrollToElement(selector: string): void {
  void Taro.pageScrollTo({ selector, duration: 200 }).catch(() => undefined);
}

/** The page's size and place of one element of it, once drawn; null when it is not there. */
export function measureElement(selector: string): Promise<{ left: number; top: number; width: number; height: number } | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(selector)
      .boundingClientRect((rect) => {
        const r = Array.isArray(rect) ? rect[0] : rect;
        resolve(r && r.width > 0 ? { left: r.left, top: r.top, width: r.width, height: r.height } : null);
      })
      .exec();
  });
}
