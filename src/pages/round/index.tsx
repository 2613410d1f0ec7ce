import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '../../services/page/lifecycle';
import { openPage } from '../../services/page/navigate';
import { useEffect, useState } from 'react';
import { ErrorView, LoadingView } from '../../components/status-view';
import { withSystemFont } from '../../components/system-font';
import type { NoticeText } from '../../core/contracts/api';
import type { AppError } from '../../core/errors';
import type { Round } from '../../core/round/round.schema';
import { RoundFacts } from '../../features/round/round-facts';
import { Fold } from '../../components/fold';
import { call } from '../../services/api/client';
import { loadRound } from '../../services/rounds';
import '../../features/round/round.scss';

type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: AppError };

/** A round, opened from the home page: what the notice says, and the notice itself on tap. */
function RoundPage() {
  const roundId = useRouter().params.id ?? '';
  const [round, setRound] = useState<Loaded<Round>>({ state: 'loading' });
  const [notice, setNotice] = useState<Loaded<NoticeText> | null>(null);

  const load = () => {
    setRound({ state: 'loading' });
    void loadRound(roundId).then((r) => setRound(r.ok ? { state: 'ready', value: r.value.round } : { state: 'failed', error: r.error }));
  };
  useEffect(load, [roundId]);

  /** Loads the notice the first time its fold opens, and again on 重试 after a failure. */
  const openNotice = () => {
    if (notice?.state === 'ready' || notice?.state === 'loading') return;
    setNotice({ state: 'loading' });
    void call('rounds', 'notice', { roundId }).then((r) => setNotice(r.ok ? { state: 'ready', value: r.value } : { state: 'failed', error: r.error }));
  };

  if (round.state === 'loading') return <LoadingView label='正在读取评审批次…' />;
  if (round.state === 'failed') return <ErrorView error={round.error} onRetry={load} />;
  return (
    <View>
      <RoundFacts round={round.value} />
      <View className='round round--tail'>
        <Button className='round__start' onClick={() => void openPage(`/pages/self-check/index?roundId=${encodeURIComponent(roundId)}`)}>
          用这个批次做资格自测
        </Button>
        <Fold title='通知原文' hint='各项条件都以通知原文为准' onOpen={openNotice}>
          {notice === null || notice.state === 'loading' ? <LoadingView label='正在读取通知原文…' /> : null}
          {notice?.state === 'failed' ? <ErrorView error={notice.error} onRetry={openNotice} /> : null}
          {notice?.state === 'ready' ? <Text className='round__notice'>{notice.value.text}</Text> : null}
        </Fold>
      </View>
    </View>
  );
}

export default withSystemFont(RoundPage);
