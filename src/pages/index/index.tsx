import { Navigator, Text, View } from '@tarojs/components';
import { useDidShow, usePullDownRefresh } from '../../services/page/lifecycle';
import { replacePage, stopPullDownRefresh } from '../../services/page/navigate';
import { useEffect, useState } from 'react';
import { EmptyView, ErrorView, LoadingView } from '../../components/status-view';
import type { RoundSummary } from '../../core/contracts/api';
import type { Role } from '../../core/people/person';
import { inPrefecture, ownRegionFirst } from '../../core/round/round.summary';
import { formatBeijingMoment } from '../../core/time/format';
import { timeLeftText } from '../../core/time/time-left';
import { loadDraft } from '../../features/self-check/storage';
import { useCall } from '../../services/api/use-call';
import { RegisterPerson } from '../../features/unit/register-person';
import { platform } from '../../services/platform/platform';
import { learnServerTime, serverNow } from '../../services/server-time';
import './index.scss';
import { withSystemFont } from '../../components/system-font';
import { PAGES, urlOf } from '../../core/pages';

type WindowState = { label: string; tone: 'open' | 'soon' | 'closed' | 'unknown' };

const REVIEWER_ROLES: readonly Role[] = ['unit_admin', 'county_hr', 'prefecture_hr', 'county_agency', 'prefecture_agency'];

function queueHint(role: Role): string {
  if (role === 'unit_admin') return '本单位人员的申报：公示、推荐或退回修改';
  if (role === 'county_agency' || role === 'prefecture_agency') return '民营企业专项评审的申报：审核推荐或退回修改';
  return '辖区内的申报：审核通过或退回修改';
}

function applyState(round: RoundSummary, now: Date): WindowState {
  if (!round.applyFrom || !round.applyUntil) return { label: '时间待公布', tone: 'unknown' };
  if (now < new Date(round.applyFrom)) return { label: '未开始', tone: 'soon' };
  if (now <= new Date(round.applyUntil)) return { label: '申报中', tone: 'open' };
  return { label: '已截止', tone: 'closed' };
}

function RoundCard({ round, now, mine }: { round: RoundSummary; now: Date; mine: boolean }) {
  const state = applyState(round, now);
  return (
    <Navigator className='round-card' hoverClass='round-card--pressed' url={`/pages/round/index?id=${encodeURIComponent(round.id)}`}>
      <View className='round-card__head'>
        <Text className='round-card__title'>{round.title}</Text>
        <Text className={`badge badge--${state.tone}`}>{state.label}</Text>
      </View>
      <Text className='round-card__meta'>
        {round.issuer}
        {mine ? ' · 您所在地区' : ''}
      </Text>
      {round.applyFrom && round.applyUntil ? (
        <Text className='round-card__meta'>
          申报时间：{formatBeijingMoment(new Date(round.applyFrom))} 至 {formatBeijingMoment(new Date(round.applyUntil))}
          （北京时间）
        </Text>
      ) : null}
      <Text className='round-card__more'>查看通知详情、费用和联系电话 ›</Text>
    </Navigator>
  );
}

function Home() {
  const me = useCall('account', 'me', {});
  // Read each time the page shows: coming back from the self-check must see its answers.
  const [hasDraft, setHasDraft] = useState(false);
  useDidShow(() => setHasDraft(loadDraft() !== null));
  const rounds = useCall('rounds', 'list', {});

  usePullDownRefresh(() => {
    me.reload();
    rounds.reload();
    stopPullDownRefresh();
  });

  const serverTime = me.status === 'ready' ? me.data.serverTime : null;
  // The states shown (申报中 / 已截止) need the server's clock: render again once it is learned,
  // whichever of the two answers (the account, the rounds) arrives first.
  const [learnedAt, setLearnedAt] = useState<string | null>(null);
  useEffect(() => {
    if (!serverTime) return;
    learnServerTime(serverTime);
    setLearnedAt(serverTime);
  }, [serverTime]);

  const notSignedIn = me.status === 'error' && me.error.code === 'AUTH.NOT_SIGNED_IN';
  useEffect(() => {
    if (notSignedIn && platform.needsDevLogin) void replacePage('/pages/login/index');
  }, [notSignedIn]);

  if (me.status === 'loading') return <LoadingView label='正在读取您的账号信息…' />;
  if (me.status === 'error' && me.error.code === 'AUTH.UNKNOWN_PERSON') return <RegisterPerson onRegistered={me.reload} />;
  if (me.status === 'error') return <ErrorView error={me.error} onRetry={me.reload} />;

  const now = serverNow();
  return (
    <View className='home'>
      <View className='home__greeting'>
        <Text className='home__name'>您好，{me.data.name}</Text>
        <Text className='home__role'>
          {me.data.roleLabel}
          {me.data.unitName ? ` · ${me.data.unitName}` : ''}
        </Text>
      </View>

      {/* A return's deadline decides: it leads, before anything else to do. */}
      {me.data.returned.map((r) => (
        <Navigator key={r.applicationId} className='entry entry--alert' hoverClass='entry--pressed' url={urlOf(PAGES.application(r.applicationId))}>
          <View className='entry__text'>
            <Text className='entry__title'>{r.level}申报被退回，请修改后重新提交</Text>
            {r.deadline ? <Text className='entry__hint'>截止 {formatBeijingMoment(new Date(r.deadline))}（北京时间，{timeLeftText(new Date(r.deadline), now)}），逾期视为放弃</Text> : null}
          </View>
          <Text className='entry__arrow'>›</Text>
        </Navigator>
      ))}
      {me.data.role === 'applicant' ? (
        <Navigator className='entry' hoverClass='entry--pressed' url='/pages/self-check/index'>
          <View className='entry__text'>
            <Text className='entry__title'>资格自测</Text>
            <Text className='entry__hint'>
              {hasDraft ? '继续上次的自测，已答的题目都保存在本机' : '几分钟了解能否申报、申报哪一级，每条结论都附通知依据'}
            </Text>
          </View>
          <Text className='entry__arrow'>›</Text>
        </Navigator>
      ) : null}
      {me.data.role === 'applicant' ? (
        <Navigator className='entry' hoverClass='entry--pressed' url={urlOf(PAGES.applications)}>
          <View className='entry__text'>
            <Text className='entry__title'>我的申报</Text>
            <Text className='entry__hint'>已开始的申报、截止时间和要准备的材料</Text>
          </View>
          <Text className='entry__arrow'>›</Text>
        </Navigator>
      ) : null}

      {me.data.role === 'applicant' || me.data.role === 'unit_admin' ? (
        <Navigator className='entry' hoverClass='entry--pressed' url='/pages/unit/index'>
          <View className='entry__text'>
            <Text className='entry__title'>我的单位</Text>
            <Text className='entry__hint'>{me.data.unitName ? (me.data.role === 'unit_admin' ? '本单位的邀请码：发给本单位的申报人' : me.data.unitName) : '还没有单位：用邀请码加入，或登记新单位'}</Text>
          </View>
          <Text className='entry__arrow'>›</Text>
        </Navigator>
      ) : null}
      {me.data.role === 'county_hr' || me.data.role === 'prefecture_hr' ? (
        <Navigator className='entry' hoverClass='entry--pressed' url='/review/pages/units/index'>
          <View className='entry__text'>
            <Text className='entry__title'>单位登记审核</Text>
            <Text className='entry__hint'>{me.data.role === 'county_hr' ? '本县（市）单位的登记' : '地（州）直属单位的登记'}</Text>
          </View>
          <Text className='entry__arrow'>›</Text>
        </Navigator>
      ) : null}
      {REVIEWER_ROLES.includes(me.data.role) ? (
        <Navigator className='entry' hoverClass='entry--pressed' url='/review/pages/queue/index'>
          <View className='entry__text'>
            <Text className='entry__title'>申报审核</Text>
            <Text className='entry__hint'>{queueHint(me.data.role)}</Text>
          </View>
          <Text className='entry__arrow'>›</Text>
        </Navigator>
      ) : null}

      {me.data.role === 'committee_secretary' ? (
        <Navigator className='entry' hoverClass='entry--pressed' url='/committee/pages/queue/index'>
          <View className='entry__text'>
            <Text className='entry__title'>接收材料与缴费</Text>
            <Text className='entry__hint'>通过形式审核的申报：登记接收纸质材料和缴纳评审费</Text>
          </View>
          <Text className='entry__arrow'>›</Text>
        </Navigator>
      ) : null}
      {me.data.role === 'committee_secretary' || me.data.role === 'expert' ? (
        <Navigator className='entry' hoverClass='entry--pressed' url='/committee/pages/meetings/index'>
          <View className='entry__text'>
            <Text className='entry__title'>评审会</Text>
            <Text className='entry__hint'>{me.data.role === 'expert' ? '按编号查看遮挡后的材料并表决' : '安排评审会、查看专家表决、记录和发布评审结果、公示'}</Text>
          </View>
          <Text className='entry__arrow'>›</Text>
        </Navigator>
      ) : null}
      {me.data.role === 'committee_secretary'
        ? me.data.committeeRounds.map((r) => (
            <Navigator key={r.id} className='entry' hoverClass='entry--pressed' url={`/committee/pages/defense/index?roundId=${encodeURIComponent(r.id)}`}>
              <View className='entry__text'>
                <Text className='entry__title'>答辩安排</Text>
                <Text className='entry__hint'>{r.title}：场次、时段、发布通知和答辩当天签到</Text>
              </View>
              <Text className='entry__arrow'>›</Text>
            </Navigator>
          ))
        : null}

      <Text className='section-title'>评审批次</Text>
      {rounds.status === 'loading' || (rounds.status === 'ready' && !learnedAt) ? <LoadingView label='正在读取评审批次…' /> : null}
      {rounds.status === 'error' ? <ErrorView error={rounds.error} onRetry={rounds.reload} /> : null}
      {rounds.status === 'ready' && learnedAt && rounds.data.length === 0 ? (
        <EmptyView title='暂无评审批次' hint='当地人社部门发布评审通知后，批次会显示在这里。下拉可刷新。' />
      ) : null}
      {rounds.status === 'ready' && learnedAt
        ? ownRegionFirst(rounds.data, me.data.prefecture).map((round) => (
            <RoundCard key={round.id} round={round} now={now} mine={inPrefecture(round, me.data.prefecture)} />
          ))
        : null}

      {platform.needsDevLogin ? (
        <Navigator className='home__switch' url='/pages/login/index' openType='redirect'>
          切换演示身份
        </Navigator>
      ) : null}
    </View>
  );
}

export default withSystemFont(Home);
