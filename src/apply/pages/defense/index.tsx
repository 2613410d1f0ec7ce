import { Text, View } from '@tarojs/components';
import { useRouter } from '../../../services/page/lifecycle';
import { copyText } from '../../../services/ui/dialogs';
import { useEffect, useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { ClauseLink } from '../../../components/clause/clause-link';
import { ClauseSheet } from '../../../components/clause/clause-sheet';
import { ErrorView, LoadingView } from '../../../components/status-view';
import { withSystemFont } from '../../../components/system-font';
import type { MyDefenseView } from '../../../core/contracts/api';
import { countdownText } from '../../../core/defense/countdown';
import type { AppError } from '../../../core/errors';
import type { Source } from '../../../core/round/round.schema';
import { formatBeijingClock, formatBeijingDateTime } from '../../../core/time/format';
import { Reminders } from '../../../features/subscriptions/reminders';
import { call } from '../../../services/api/client';
import { useCall } from '../../../services/api/use-call';
import { serverNow } from '../../../services/server-time';
import '../../../features/defense/defense.scss';
import { useShownAgain } from '../../../services/page/shown-again';
import '../../../services/api/staff-contracts';

const ATTENDANCE: Record<'present' | 'absent' | 'done', string> = {
  present: '已签到，请在候场区等候叫号。',
  absent: '评审委员会记录您未到场。如有误，请尽快联系评审委员会办公室。',
  done: '答辩已完成，请等候评审结果。',
};

/**
 * The applicant's 10-minute defense (aksu-water-2024 四(一)20): whether they defend and why (with the
 * clause), and once published the time in Beijing time with a countdown, the place or the meeting
 * link, the panel and what to bring; one tap confirms attendance; the WeChat reminders for it.
 */
function DefensePage() {
  // Taro's H5 router hands the query over still encoded; WeChat decodes it (ids hold no '%').
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const loaded = useCall('defense', 'mine', { applicationId: id });
  const [view, setView] = useState<MyDefenseView | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [clause, setClause] = useState<Source | null>(null);
  const [now, setNow] = useState(serverNow());
  // Back on the page (from WeChat's notice, or another page): the slot as it is now.
  useShownAgain(() => loaded.reload());
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), 30_000);
    return () => clearInterval(timer);
  }, []);

  if (loaded.status === 'loading') return <LoadingView label='正在读取答辩安排…' />;
  if (loaded.status === 'error') return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  const d = view ?? loaded.data;

  async function confirm() {
    if (confirming) return;
    setConfirming(true);
    setProblem(null);
    const answer = await call('defense', 'confirm', { applicationId: id });
    setConfirming(false);
    if (answer.ok) setView(answer.value);
    else setProblem(answer.error);
  }

  const slot = d.slot;
  return (
    <View className='defense'>
      {slot ? (
        <View className='defense__card'>
          <Text className='defense__heading'>您的答辩时间（北京时间）</Text>
          <Text className='defense__when'>{formatBeijingDateTime(new Date(slot.startsAt))}</Text>
          {slot.attendance ? null : <Text className='defense__countdown'>{countdownText(new Date(slot.startsAt), now)}</Text>}
          {slot.attendance ? (
            <View role='status'>
              <Text className={slot.attendance === 'absent' ? 'defense__alert' : 'defense__done'}>{ATTENDANCE[slot.attendance]}</Text>
            </View>
          ) : null}
          <View className='defense__row'>
            <Text className='defense__key'>时长</Text>
            <Text className='defense__value'>
              {formatBeijingClock(new Date(slot.startsAt))} 至 {formatBeijingClock(new Date(slot.endsAt))}，每人 {d.defense.slotMinutes ?? 10} 分钟
            </Text>
          </View>
          <View className='defense__row'>
            <Text className='defense__key'>{slot.place.kind === 'room' ? '地点' : '线上视频答辩'}</Text>
            <Text className='defense__value'>{slot.place.name}</Text>
            {slot.place.kind === 'online' ? (
              <>
                <Text className='defense__value'>{slot.place.link}</Text>
                <ActionButton tone='light' onTap={() => slot.place.kind === 'online' && void copyText(slot.place.link)}>
                  复制会议链接
                </ActionButton>
                <Text className='defense__note'>复制后在浏览器或会议软件中打开；请提前 15 分钟进入并调试摄像头和麦克风。</Text>
              </>
            ) : null}
          </View>
          <View className='defense__row'>
            <Text className='defense__key'>答辩组</Text>
            <Text className='defense__value'>{slot.panelName}</Text>
          </View>
          <View className='defense__row'>
            <Text className='defense__key'>请携带</Text>
            <Text className='defense__value'>{slot.bring || '身份证原件'}</Text>
          </View>
          {slot.confirmedAt ? (
            <Text className='defense__done'>已确认参加（{formatBeijingDateTime(new Date(slot.confirmedAt))}）</Text>
          ) : slot.attendance ? null : (
            <>
              <Text className='defense__note'>请确认您会按时参加。时间有变化时会再通知您，请重新确认。</Text>
              <ActionButton disabled={confirming} onTap={() => void confirm()}>
                {confirming ? '正在确认…' : '确认参加答辩'}
              </ActionButton>
            </>
          )}
          {problem ? (
            <View role='alert'>
              <Text className='defense__alert'>{problem.message}</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      {!slot && d.waiting ? (
        <View className='defense__card'>
          <Text className='defense__when'>答辩时间尚未发布</Text>
          <Text className='defense__value'>{d.waiting}</Text>
        </View>
      ) : null}

      <View className='defense__card'>
        <Text className='defense__heading'>{d.defense.status === 'exempt' ? '您免于答辩' : d.defense.status === 'required' ? '为什么要答辩' : '答辩'}</Text>
        <Text className='defense__note'>{d.label}</Text>
        <Text className='defense__value'>{d.defense.message}</Text>
        {d.defense.source ? <ClauseLink source={d.defense.source} onClause={setClause} /> : null}
      </View>

      {d.defense.status === 'required' ? (
        <View className='defense__card'>
          <Text className='defense__note'>答辩时间、提醒和变更都会通过微信通知您；错过通知可能错过答辩。</Text>
          <Reminders group='defense' />
        </View>
      ) : null}
      {clause ? <ClauseSheet source={clause} noticeTitle={d.roundTitle} onClose={() => setClause(null)} /> : null}
    </View>
  );
}

export default withSystemFont(DefensePage);
