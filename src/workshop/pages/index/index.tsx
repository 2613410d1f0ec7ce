import { Text, View } from '@tarojs/components';
import { openPage } from '../../../services/page/navigate';
import { useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { ProblemAlert } from '../../../components/problem-alert';
import type { AppError } from '../../../core/errors';
import { EmptyView, ErrorView, LoadingView } from '../../../components/status-view';
import { withSystemFont } from '../../../components/system-font';
import { formatBeijingDateTime } from '../../../core/time/format';
import { call } from '../../../services/api/client';
import { useCall } from '../../../services/api/use-call';
import '../../../services/api/workshop-contracts';
import '../../../features/workshop/workshop.scss';

const draftUrl = (id: string) => `/workshop/pages/draft/index?id=${encodeURIComponent(id)}`;

/**
 * 评审批次编制: the rounds this office issues (each copied to next year's draft, or corrected as a
 * new version) and its drafts, each with how many checks are still open.
 */
function Workshop() {
  const loaded = useCall('rounds', 'workshop', {});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  if (loaded.status === 'loading') return <LoadingView label='正在读取本单位发布的批次…' />;
  if (loaded.status === 'error') return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  const { rounds, drafts } = loaded.data;

  async function start(fromRoundId: string, kind: 'new_year' | 'correction') {
    if (busy) return;
    setBusy(`${fromRoundId}:${kind}`);
    setError(null);
    const made = await call('rounds', 'draftCreate', { fromRoundId, kind });
    setBusy(null);
    if (made.ok) void openPage(draftUrl(made.value.id));
    else setError(made.error);
  }

  const open = drafts.filter((d) => d.status === 'draft');
  return (
    <View className='workshop'>
      {error ? <ProblemAlert problem={error} /> : null}
      <Text className='workshop__section'>正在编制</Text>
      {open.length === 0 ? <EmptyView title='没有正在编制的批次' hint='在下面选一个已发布的批次，复制为下一年度，再粘贴新通知。' /> : null}
      {open.map((d) => (
        <View key={d.id} className='workshop__card workshop__row' hoverClass='workshop__row--pressed' onClick={() => void openPage(draftUrl(d.id))} role='link'>
          <Text className='workshop__name'>{d.title}</Text>
          <Text className='workshop__note'>
            {d.kind === 'correction' ? `更正（第 ${d.version} 版）` : '新年度'} · {d.open === 0 ? '检查已全部通过，可以发布' : `还有 ${d.open} 项待处理`} · 更新于 {formatBeijingDateTime(new Date(d.updatedAt))}
          </Text>
        </View>
      ))}
      <Text className='workshop__section'>本单位发布的批次</Text>
      {rounds.length === 0 ? <EmptyView title='本单位还没有发布过批次' hint='请联系技术人员导入上一年度的批次，之后每年在这里复制、编制。' /> : null}
      {rounds.map((r) => (
        <View key={r.id} className='workshop__card'>
          <Text className='workshop__name'>{r.title}</Text>
          <Text className='workshop__note'>
            {r.year} 年度 · 第 {r.version} 版
          </Text>
          <View className='workshop__actions'>
            <ActionButton disabled={busy !== null} onTap={() => void start(r.id, 'new_year')}>
              {busy === `${r.id}:new_year` ? '正在复制…' : `复制为 ${r.year + 1} 年度`}
            </ActionButton>
            <ActionButton tone='light' disabled={busy !== null} onTap={() => void start(r.id, 'correction')}>
              {busy === `${r.id}:correction` ? '正在建立…' : '更正（发布新版本）'}
            </ActionButton>
          </View>
        </View>
      ))}
    </View>
  );
}

export default withSystemFont(Workshop);
