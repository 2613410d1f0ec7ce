import Taro from '@tarojs/taro';

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';

export interface SubscribeOutcome {
  /** Per template id, what WeChat's prompt answered. */
  readonly results: Readonly<Record<string, SubscribeAnswer>>;
  /** The prompt's own failure (20004: notifications switched off), or null. */
  readonly errCode: number | null;
}

/**
 * WeChat's subscription prompt. Call it straight from a tap handler, before anything is awaited:
 * WeChat shows the prompt only in answer to a tap. At most 3 one-time templates, never mixed with
 * long-term ones; the templates are the caller's.
 */
export function askSubscribe(templates: readonly { readonly id: string; readonly title: string }[]): Promise<SubscribeOutcome> {
  const tmplIds = templates.map((t) => t.id);
  return new Promise((resolve) => {
    Taro.requestSubscribeMessage({
      tmplIds,
      entityIds: [],
      success: (result) => {
        const answers = result as unknown as Record<string, string>;
        const results: Record<string, SubscribeAnswer> = {};
        for (const id of tmplIds) {
          const answer = answers[id];
          if (answer === 'accept' || answer === 'reject' || answer === 'ban' || answer === 'filter') results[id] = answer;
        }
        resolve({ results, errCode: null });
      },
      fail: (failure) => resolve({ results: {}, errCode: typeof failure?.errCode === 'number' ? failure.errCode : -1 }),
    });
  });
}
