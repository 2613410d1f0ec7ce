import { Text, View } from '@tarojs/components';
import { openPage } from '../../services/page/navigate';
import { ActionButton } from '../../components/action-button';
import { useState } from 'react';
import type { AppError } from '../../core/errors';
import { call } from '../../services/api/client';
import './application.scss';
import { PAGES, urlOf } from '../../core/pages';

/**
 * 开始申报 for one offered level: creates (or opens again) the application on the server from the
 * saved answers and opens it. One tap at a time; a refusal is shown with the engine's reasons.
 */
export function StartApplication({
  roundId,
  offerKey,
  ready,
  levelName = null,
}: {
  roundId: string;
  offerKey: string;
  ready: boolean;
  /** The level, named on the button (开始申报中级): each level has its own. */
  levelName?: string | null;
}) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'starting' } | { kind: 'failed'; error: AppError }>({ kind: 'idle' });
  const start = async () => {
    if (!ready || state.kind === 'starting') return;
    setState({ kind: 'starting' });
    const created = await call('applications', 'create', { roundId, offerKey });
    if (!created.ok) return setState({ kind: 'failed', error: created.error });
    setState({ kind: 'idle' });
    void openPage(urlOf(PAGES.application(created.value.id)));
  };
  return (
    <View className='start'>
      <ActionButton disabled={!ready || state.kind === 'starting'} onTap={() => void start()}>
        {state.kind === 'starting' ? '正在建立申报…' : ready ? `开始申报${levelName ?? ''}` : '答案保存后才能申报'}
      </ActionButton>
      {state.kind === 'failed' ? (
        <View className='start__error' role='alert'>
          <Text className='start__error-text'>{state.error.message}</Text>
          {state.error.details?.map((d) => (
            <Text key={d} className='start__error-detail'>
              · {d}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
