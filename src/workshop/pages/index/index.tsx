import { Input, Text, View } from '@tarojs/components';
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
  const [blank, setBlank] = useState<{ title: string; year: string } | null>(null);
  const [blankError, setBlankError] = useState<AppError | null>(null);
  if (loaded.status === 'loading') return <LoadingView label='正在读取本单位发布的批次…' />;
  if (loaded.status === 'error') return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  const { rounds, drafts, canStartEmpty } = loaded.data;

  async function startBlank() {
    if (busy || !blank) return;
    setBusy('blank');
    setBlankError(null);
    const year = /^\s*\d{4}\s*$/.test(blank.year) ? Number(blank.year) : Number.NaN;
    const made = await call('rounds', 'draftCreateEmpty', { title: blank.title, year });
    setBusy(null);
    if (made.ok) void openPage(draftUrl(made.value.id));
    else setBlankError(made.error);
  }

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
            {d.kind === 'correction' ? `更正（第 ${d.version} 版）` : d.kind === 'empty' ? '从空白开始' : '新年度'} · {d.open === 0 ? '检查已全部通过，可以发布' : `还有 ${d.open} 项待处理`} · 更新于 {formatBeijingDateTime(new Date(d.updatedAt))}
          </Text>
        </View>
      ))}
      {canStartEmpty ? (
        <View className='workshop__card'>
          {blank ? (
            <View>
              <Text className='workshop__label'>从空白开始</Text>
              <Text className='workshop__note'>适用于本单位第一次发布的评审（如新开的系列）。建立后粘贴通知，再添加系列、时间、收费、联系方式和材料。</Text>
              <Input className='workshop__input' value={blank.title} placeholder='批次标题，如 2026年度工程技术系列中级职称评审' aria-label='批次标题' onInput={(e) => setBlank({ ...blank, title: e.detail.value })} />
              <Input className='workshop__input' type='number' value={blank.year} placeholder='年度，如 2026' aria-label='年度' onInput={(e) => setBlank({ ...blank, year: e.detail.value })} />
              {blankError ? <ProblemAlert problem={blankError} /> : null}
              <View className='workshop__actions'>
                <ActionButton disabled={busy !== null} onTap={() => void startBlank()}>
                  {busy === 'blank' ? '正在建立…' : '建立空白批次'}
                </ActionButton>
                <ActionButton tone='light' disabled={busy !== null} onTap={() => setBlank(null)}>
                  取消
                </ActionButton>
              </View>
            </View>
          ) : (
            <ActionButton tone='light' disabled={busy !== null} onTap={() => setBlank({ title: '', year: '' })}>
              从空白开始（不复制已有批次）
            </ActionButton>
          )}
        </View>
      ) : null}
      <Text className='workshop__section'>本单位发布的批次</Text>
      {rounds.length === 0 ? <EmptyView title='本单位还没有发布过批次' hint={canStartEmpty ? '可以从空白开始建立第一个批次；之后每年在这里复制、编制。' : '委员会秘书从所服务的批次复制；请联系发文的人社局。'} /> : null}
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
