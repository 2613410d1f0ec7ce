import { Input, Navigator, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { EmptyView, ErrorView, LoadingView } from '../../../components/status-view';
import { withSystemFont } from '../../../components/system-font';
import type { QueueTab } from '../../../core/contracts/api';
import { formatBeijingDateTime } from '../../../core/time/format';
import { timeLeftText } from '../../../core/time/time-left';
import { useCall } from '../../../services/api/use-call';
import { serverNow } from '../../../services/server-time';
import '../../../features/review/review.scss';
import { useShownAgain } from '../../../services/page/shown-again';
import '../../../services/api/staff-contracts';

const TABS: readonly { readonly tab: QueueTab; readonly label: string; readonly empty: string }[] = [
  { tab: 'pending', label: '待审核', empty: '没有等您审核的申报。申报人提交后会出现在这里。' },
  { tab: 'returned', label: '已退回', empty: '没有退回修改中的申报。' },
  { tab: 'done', label: '已办理', empty: '还没有您审核通过的申报。' },
];

/**
 * The reviewer's queue (a unit admin, a county or prefecture HR reviewer): the applications in
 * their scope by tab with counts, searchable by the applicant's name, newest first.
 */
function ReviewQueue() {
  const [tab, setTab] = useState<QueueTab>('pending');
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const queue = useCall('review', 'queue', { tab, search });
  // Back from an application: the queue as it is now.
  useShownAgain(() => queue.reload());
  const counts = queue.status === 'ready' ? queue.data.counts : null;
  const now = serverNow();
  return (
    <View className='queue'>
      <View className='queue__tabs' role='tablist'>
        {TABS.map((t) => (
          <View key={t.tab} className={`queue__tab ${tab === t.tab ? 'queue__tab--on' : ''}`} role='tab' aria-selected={tab === t.tab} onClick={() => setTab(t.tab)}>
            {t.label}
            {counts ? `（${counts[t.tab]}）` : ''}
          </View>
        ))}
      </View>
      <View className='queue__search'>
        <Input className='queue__search-input' value={typed} placeholder='按申报人姓名搜索' aria-label='按申报人姓名搜索' confirmType='search' onInput={(e) => setTyped(e.detail.value)} onConfirm={() => setSearch(typed.trim())} />
      </View>
      {queue.status === 'loading' ? <LoadingView label='正在读取申报…' /> : null}
      {queue.status === 'error' ? <ErrorView error={queue.error} onRetry={queue.reload} /> : null}
      {queue.status === 'ready' && queue.data.items.length === 0 ? (
        <EmptyView title={search ? `没有找到“${search}”` : '这里没有申报'} hint={search ? '换一个名字试试，或清空搜索。' : TABS.find((t) => t.tab === tab)!.empty} />
      ) : null}
      {queue.status === 'ready'
        ? queue.data.items.map((item) => (
            <Navigator key={item.id} className='queue__item' hoverClass='queue__item--pressed' url={`/review/pages/application/index?id=${encodeURIComponent(item.id)}`}>
              <View className='queue__item-head'>
                <Text className='queue__name'>{item.applicantName}</Text>
                <Text className='queue__label'>{item.label}</Text>
              </View>
              <Text className='queue__meta'>{item.unitName}</Text>
              <Text className='queue__meta'>{item.roundTitle}</Text>
              <Text className='queue__meta'>{item.statusText}</Text>
              {item.submittedAt ? <Text className='queue__meta'>提交于 {formatBeijingDateTime(new Date(item.submittedAt))}</Text> : null}
              {item.returnDeadline ? <Text className='queue__deadline'>修改期限 {formatBeijingDateTime(new Date(item.returnDeadline))}（{timeLeftText(new Date(item.returnDeadline), now)}）</Text> : null}
            </Navigator>
          ))
        : null}
    </View>
  );
}

export default withSystemFont(ReviewQueue);
