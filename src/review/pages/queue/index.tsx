import { Input, Navigator, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { ExportButton } from '../../../components/export-button';
import { EmptyView, ErrorView, LoadingView } from '../../../components/status-view';
import { withSystemFont } from '../../../components/system-font';
import type { BatchView, QueueItem, QueueTab } from '../../../core/contracts/api';
import type { AppError } from '../../../core/errors';
import { CONFIRM } from '../../../core/review/confirmations';
import { formatBeijingDateTime } from '../../../core/time/format';
import { timeLeftText } from '../../../core/time/time-left';
import { BatchBar } from '../../../features/review/batch-bar';
import { NO_FILTERS, QueueFilters, type QueueFilterValues } from '../../../features/review/queue-filters';
import { call } from '../../../services/api/client';
import { newRequestId } from '../../../services/api/request-id';
import { useCall } from '../../../services/api/use-call';
import { useShownAgain } from '../../../services/page/shown-again';
import { serverNow } from '../../../services/server-time';
import { confirm } from '../../../services/ui/dialogs';
import { ProblemAlert } from '../../../components/problem-alert';
import '../../../features/review/review.scss';
import { WorkshopLink } from '../../../features/workshop/workshop-link';
import '../../../services/api/staff-contracts';

const TABS: readonly { readonly tab: QueueTab; readonly label: string; readonly empty: string }[] = [
  { tab: 'pending', label: '待审核', empty: '没有等您审核的申报。申报人提交后会出现在这里。' },
  { tab: 'returned', label: '已退回', empty: '没有退回修改中的申报。' },
  { tab: 'done', label: '已办理', empty: '还没有您审核通过的申报。' },
];

const NO_LATER = { items: [], pages: 0, more: false, loading: false } as const;

/** How long typing rests before the search runs (no Enter needed). */
const SEARCH_AFTER_MS = 400;

/**
 * The reviewer's queue (a unit admin, a county or prefecture HR reviewer): the applications in
 * their scope by tab, filtered by round, level, unit and whether ever returned, searched by name or
 * the ID number's last digits as it is typed, counted under the filters, newest first, a page at a
 * time. Waiting ones can be ticked and approved together; the unit admin exports the unit's roster
 * of the chosen round here.
 */
function ReviewQueue() {
  const [tab, setTab] = useState<QueueTab>('pending');
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<QueueFilterValues>(NO_FILTERS);
  const queue = useCall('review', 'queue', { tab, search, ...filters });
  const me = useCall('account', 'me', {});
  // Later pages, appended under the first; dropped when anything above changes.
  const [later, setLater] = useState<{ items: readonly QueueItem[]; pages: number; more: boolean; loading: boolean }>(NO_LATER);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [batch, setBatch] = useState<{ busy: boolean; result: BatchView | null; problem: AppError | null }>({ busy: false, result: null, problem: null });
  // One request id per application of a batch, kept until the batch is answered: a retry is the same acts.
  const requestIds = useRef(new Map<string, string>());
  const key = JSON.stringify({ tab, search, filters });
  useEffect(() => {
    setLater(NO_LATER);
    setSelected(new Set());
  }, [key]);
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), SEARCH_AFTER_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  // Back from an application: the queue as it is now.
  useShownAgain(() => queue.reload());

  const data = queue.status === 'ready' ? queue.data : null;
  const items = data ? [...data.items, ...later.items] : [];
  const more = later.pages > 0 ? later.more : (data?.more ?? false);
  const filtered = Object.values(filters).some((v) => v !== null);
  const now = serverNow();
  const isUnitAdmin = me.status === 'ready' && me.data.role === 'unit_admin';
  const mayPick = tab === 'pending';

  async function loadMore() {
    if (later.loading) return;
    setLater({ ...later, loading: true });
    const page = later.pages + 1;
    const next = await call('review', 'queue', { tab, search, ...filters, page });
    if (next.ok) setLater({ items: [...later.items, ...next.value.items], pages: page, more: next.value.more, loading: false });
    else setLater({ ...later, loading: false });
  }

  const toggle = (id: string) => setSelected((was) => (was.has(id) ? new Set([...was].filter((i) => i !== id)) : new Set([...was, id])));

  async function approveSelected(opinion: string) {
    const chosen = items.filter((i) => selected.has(i.id));
    if (batch.busy || chosen.length === 0 || !(await confirm(CONFIRM.approveMany(chosen.map((i) => i.applicantName))))) return;
    setBatch({ busy: true, result: null, problem: null });
    const payload = chosen.map((i) => {
      if (!requestIds.current.has(i.id)) requestIds.current.set(i.id, newRequestId());
      return { applicationId: i.id, requestId: requestIds.current.get(i.id)! };
    });
    const answer = await call('review', 'approveMany', { items: payload, opinion });
    if (!answer.ok) {
      setBatch({ busy: false, result: null, problem: answer.error });
      return;
    }
    for (const i of chosen) requestIds.current.delete(i.id);
    setBatch({ busy: false, result: answer.value, problem: null });
    setSelected(new Set());
    setLater(NO_LATER);
    queue.reload();
  }

  const approved = batch.result?.results.filter((r) => r.ok) ?? [];
  const refused = batch.result?.results.filter((r) => !r.ok) ?? [];
  const total = data ? data.counts[tab] : null;

  return (
    <View className='queue'>
      {me.status === 'ready' && (me.data.role === 'county_hr' || me.data.role === 'prefecture_hr') ? <WorkshopLink /> : null}
      <View className='queue__tabs' role='tablist'>
        {TABS.map((t) => (
          <View key={t.tab} className={`queue__tab ${tab === t.tab ? 'queue__tab--on' : ''}`} role='tab' aria-selected={tab === t.tab} onClick={() => setTab(t.tab)}>
            {t.label}
            {data ? `（${data.counts[t.tab]}）` : ''}
          </View>
        ))}
      </View>
      <View className='queue__search'>
        <Input className='queue__search-input' value={typed} placeholder='搜索姓名，或身份证号后4位' aria-label='搜索姓名或身份证号后几位' confirmType='search' onInput={(e) => setTyped(e.detail.value)} onConfirm={() => setSearch(typed.trim())} />
      </View>
      {data ? <QueueFilters options={data.options} value={filters} onChange={setFilters} /> : null}
      {isUnitAdmin ? (
        filters.roundId ? (
          <ExportButton label='导出本单位花名册（Excel）' make={() => call('documents', 'roster', { roundId: filters.roundId! })} />
        ) : (
          <Text className='queue__total'>选择批次后，可在这里导出本单位该批次的花名册。</Text>
        )
      ) : null}
      {batch.result ? (
        <View className='batch-result' role='status'>
          <Text className='batch-result__line'>已审核通过 {approved.length} 份{approved.length > 0 ? `：${approved.map((r) => r.applicantName).join('、')}` : ''}。已交下一步办理，申报人会收到通知。</Text>
          {refused.map((r) => (
            <Text key={r.applicationId} className='batch-result__refused'>
              {r.applicantName || '一份申报'}未通过：{r.refusal}
            </Text>
          ))}
        </View>
      ) : null}
      {batch.problem ? <ProblemAlert problem={batch.problem} /> : null}
      {queue.status === 'loading' ? <LoadingView label='正在读取申报…' /> : null}
      {queue.status === 'error' ? <ErrorView error={queue.error} onRetry={queue.reload} /> : null}
      {data && total !== null && items.length > 0 ? <Text className='queue__total'>共 {total} 份{mayPick ? '，勾选后可批量审核通过' : ''}</Text> : null}
      {data && items.length === 0 ? (
        <EmptyView
          title={search ? `没有找到“${search}”` : '这里没有申报'}
          hint={search ? '换一个姓名或身份证号后几位试试，或清空搜索。' : filtered ? '换一个筛选条件，或点“清除筛选”。' : TABS.find((t) => t.tab === tab)!.empty}
        />
      ) : null}
      {items.map((item) => (
        <View key={item.id} className='queue__row'>
          {mayPick ? (
            <View className='queue__pick' role='checkbox' aria-checked={selected.has(item.id)} aria-label={`选择${item.applicantName}`} onClick={() => toggle(item.id)}>
              <Text className={`queue__box ${selected.has(item.id) ? 'queue__box--on' : ''}`}>{selected.has(item.id) ? '✓' : ''}</Text>
            </View>
          ) : null}
          <Navigator className='queue__item' hoverClass='queue__item--pressed' url={`/review/pages/application/index?id=${encodeURIComponent(item.id)}`}>
            <View className='queue__item-head'>
              <Text className='queue__name'>{item.applicantName}</Text>
              <Text className='queue__label'>{item.label}</Text>
            </View>
            <Text className='queue__meta'>{item.unitName}</Text>
            <Text className='queue__meta'>{item.roundTitle}</Text>
            <Text className='queue__meta'>{item.statusText}</Text>
            {item.everReturned ? <Text className='queue__returned'>退回过</Text> : null}
            {item.submittedAt ? <Text className='queue__meta'>提交于 {formatBeijingDateTime(new Date(item.submittedAt))}</Text> : null}
            {item.returnDeadline ? <Text className='queue__deadline'>修改期限 {formatBeijingDateTime(new Date(item.returnDeadline))}（{timeLeftText(new Date(item.returnDeadline), now)}）</Text> : null}
          </Navigator>
        </View>
      ))}
      {more ? (
        <ActionButton tone='light' disabled={later.loading} onTap={() => void loadMore()}>
          {later.loading ? '正在读取…' : '加载更多'}
        </ActionButton>
      ) : null}
      {mayPick ? <BatchBar count={selected.size} busy={batch.busy} onApprove={(opinion) => void approveSelected(opinion)} onClear={() => setSelected(new Set())} /> : null}
    </View>
  );
}

export default withSystemFont(ReviewQueue);
