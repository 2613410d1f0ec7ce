import { Navigator, Text, View } from '@tarojs/components';
import { EmptyView, ErrorView, LoadingView } from '../../../components/status-view';
import { withSystemFont } from '../../../components/system-font';
import { WindowLine } from '../../../features/application/window-line';
import { isEditable } from '../../../core/application/editable';
import { useCall } from '../../../services/api/use-call';
import { serverNow } from '../../../services/server-time';
import { formatBeijingMoment, formatBeijingShort } from '../../../core/time/format';
import { timeLeftText } from '../../../core/time/time-left';
import '../../../features/application/application.scss';
import '../../../features/application/apply-only.scss';
import { useShownAgain } from '../../../services/page/shown-again';
import { PAGES, urlOf } from '../../../core/pages';

/**
 * 我的申报: every application of one's own, newest first, each with where it stands, whose move it
 * is and its deadline; then the notices about them (审核通过, 退回 with reasons and the deadline).
 */
function MyApplications() {
  const mine = useCall('applications', 'mine', {});
  const inbox = useCall('applications', 'inbox', {});
  // Coming back from an application shows the list as it is now (the first show has just loaded it).
  useShownAgain(() => {
    mine.reload();
    inbox.reload();
  });
  if (mine.status === 'loading') return <LoadingView label='正在读取您的申报…' />;
  if (mine.status === 'error') return <ErrorView error={mine.error} onRetry={mine.reload} />;
  if (mine.data.length === 0) {
    return <EmptyView title='还没有申报' hint='先做资格自测：结果页上能申报的级别旁有“开始申报”。' />;
  }
  const now = serverNow();
  return (
    <View className='application-list'>
      {mine.data.map((a) => (
        <Navigator key={a.id} className='application-list__item' hoverClass='round-card--pressed' url={urlOf(PAGES.application(a.id))}>
          <Text className='application-list__label'>{a.label}</Text>
          <Text className='application-list__meta'>{a.roundTitle}</Text>
          <Text className='application-list__meta'>{a.statusText}</Text>
          <Text className='application-list__meta'>{a.holderText}</Text>
          {/* While returned, the return's deadline decides; the apply window does not show. */}
          {a.status === 'returned' && a.returnDeadline ? (
            <Text className='application__deadline'>
              请在 {formatBeijingMoment(new Date(a.returnDeadline))} 前重新提交（北京时间，{timeLeftText(new Date(a.returnDeadline), now)}）
            </Text>
          ) : isEditable(a.status) ? (
            <WindowLine window={a.window} now={now} />
          ) : null}
        </Navigator>
      ))}
      {inbox.status === 'ready' && inbox.data.length > 0 ? (
        <View className='inbox'>
          <Text className='application__section'>消息</Text>
          {inbox.data.slice(0, 10).map((n) => (
            <Navigator key={n.id} className='inbox__item' hoverClass='round-card--pressed' url={`/${n.page}`}>
              <View className='inbox__head'>
                <Text className='inbox__title'>{n.title}</Text>
                <Text className='inbox__when'>{formatBeijingShort(new Date(n.at))}</Text>
              </View>
              <Text className='inbox__body'>{n.body}</Text>
            </Navigator>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export default withSystemFont(MyApplications);
