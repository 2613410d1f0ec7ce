import Taro from '@tarojs/taro';

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';

export interface SubscribeOutcome {
  readonly results: Readonly<Record<string, SubscribeAnswer>>;
  readonly errCode: number | null;
}

/**
 * H5 (the local demo) has no WeChat prompt: a stand-in with its words and its two answers
 * (允许 / 取消), so the demo and the e2e tests walk the same consent the phone does.
 */
export function askSubscribe(templates: readonly { readonly id: string; readonly title: string }[]): Promise<SubscribeOutcome> {
  return new Promise((resolve) => {
    Taro.showModal({
      title: '“职称评审通”想给您发送',
      content: `${templates.map((t) => t.title).join('、')}（演示环境模拟微信的订阅提示）`,
      confirmText: '允许',
      cancelText: '取消',
      success: (answer) => {
        const value = answer.confirm ? 'accept' : 'reject';
        resolve({ results: Object.fromEntries(templates.map((t) => [t.id, value])), errCode: null });
      },
      fail: () => resolve({ results: {}, errCode: -1 }),
    });
  });
}
