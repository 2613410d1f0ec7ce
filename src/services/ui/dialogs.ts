import Taro from '@tarojs/taro';

let asking = false;

/** A question with two answers (WeChat's modal): true when the first is chosen. A second tap while it is open asks nothing (false). */
export async function confirm(question: { title: string; content: string; confirmText: string; cancelText: string }): Promise<boolean> {
  if (asking) return false;
  asking = true;
  try {
    const { confirm: yes } = await Taro.showModal(question);
    return yes;
  } finally {
    asking = false;
  }
}

/** A short message that goes away by itself. */
export function toast(message: string): void {
  void Taro.showToast({ title: message, icon: 'none' });
}

/** Copies a text for pasting elsewhere; the platform says 内容已复制. */
export function copyText(text: string): void {
  void Taro.setClipboardData({ data: text });
}

/** Pictures full screen, zoomable, swiping between them (the phone's own viewer). */
export function previewImages(urls: readonly string[], current: string): void {
  void Taro.previewImage({ urls: [...urls], current });
}
