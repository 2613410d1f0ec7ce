import Taro from '@tarojs/taro';

/* An element of this page: brought on screen, or measured (the application form, the mask editor). */

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
