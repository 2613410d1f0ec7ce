import { Text, View } from '@tarojs/components';
import { useRouter } from '../../../services/page/lifecycle';
import { confirm } from '../../../services/ui/dialogs';
import { useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { ErrorView, LoadingView } from '../../../components/status-view';
import { withSystemFont } from '../../../components/system-font';
import type { DefensePlanView } from '../../../core/contracts/api';
import type { DefenseSessionInput } from '../../../core/defense/schedule';
import type { AppError } from '../../../core/errors';
import { beijingDate } from '../../../core/time/beijing';
import { formatBeijingDateTime } from '../../../core/time/format';
import { ProblemAlert } from '../../../components/problem-alert';
import { SessionForm } from '../../../features/committee/session-form';
import { SlotRow, type SlotChange } from '../../../features/committee/slot-row';
import type { Result } from '../../../core/result';
import { call } from '../../../services/api/client';
import { useCall } from '../../../services/api/use-call';
import { serverNow } from '../../../services/server-time';
import '../../../features/committee/committee.scss';
import { useShownAgain } from '../../../services/page/shown-again';
import '../../../services/api/staff-contracts';

const dateText = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * The committee secretary's defense plan for a round: who defends (the fee paid, not exempt) and
 * who does not and why; the sessions; the automatic schedule (by submission time or a recorded
 * draw), changes, publishing (each applicant told by WeChat where allowed, and in 我的申报); on the
 * day, attendance, which tells the next applicant to get ready.
 */
function DefensePlan() {
  // Taro's H5 router hands the query over still encoded; WeChat decodes it.
  const roundId = decodeURIComponent(useRouter().params.roundId ?? '');
  const loaded = useCall('defense', 'plan', { roundId });
  const [plan, setPlan] = useState<DefensePlanView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [adding, setAdding] = useState(false);
  useShownAgain(() => {
    setPlan(null);
    loaded.reload();
  });

  if (loaded.status === 'loading') return <LoadingView label='正在读取答辩安排…' />;
  if (loaded.status === 'error') return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  const p = plan ?? loaded.data;

  async function run(what: string, send: () => Promise<Result<DefensePlanView, AppError>>, after?: () => void) {
    if (busy) return;
    setBusy(what);
    setProblem(null);
    const answer = await send();
    setBusy(null);
    if (answer.ok) {
      setPlan(answer.value);
      after?.();
    } else setProblem(answer.error);
  }
  const addSession = (session: DefenseSessionInput) => run('add', () => call('defense', 'addSession', { roundId, session }), () => setAdding(false));
  const assign = (order: 'submission' | 'draw') => run(order, () => call('defense', 'assign', { roundId, order }));
  const change = (applicationId: string, c: SlotChange) =>
    run(applicationId, () => {
      if (c.kind === 'move') return call('defense', 'move', { roundId, applicationId, to: c.to });
      if (c.kind === 'swap') return call('defense', 'swap', { roundId, a: applicationId, b: c.with });
      return call('defense', 'cancel', { roundId, applicationId, reason: c.reason });
    });
  const mark = (applicationId: string, attendance: 'present' | 'absent' | 'done') => run(applicationId, () => call('defense', 'mark', { roundId, applicationId, attendance }));
  async function publish(count: number) {
    const sure = await confirm({ title: '发布答辩安排', content: `发布后将通知 ${count} 位申报人（微信提醒和“我的申报”），之后只能逐个调整，调整也会通知本人。`, confirmText: '发布', cancelText: '再看看' });
    if (sure) await run('publish', () => call('defense', 'publish', { roundId }));
  }

  const schedule = p.schedule;
  const published = schedule?.publishedAt != null;
  const capacity = p.sessions.reduce((n, s) => n + s.capacity, 0);
  const unscheduled = p.defenders.filter((d) => !schedule?.slots.some((s) => s.applicationId === d.applicationId));
  const unannounced = schedule?.slots.filter((s) => !s.published).length ?? 0;
  return (
    <View className='committee'>
      <View className='committee__card'>
        <Text className='committee__heading'>{p.roundTitle}</Text>
        <Text className='committee__line'>
          需要答辩 {p.defenders.length} 人（已缴费），已排 {schedule?.slots.length ?? 0} 人；场次共 {capacity} 个时段，每人 {p.slotMinutes} 分钟。
        </Text>
        {published ? <Text className='committee__ok'>已发布（{formatBeijingDateTime(new Date(schedule!.publishedAt!))}），申报人已收到通知。</Text> : null}
        {p.defenders.length === 0 ? <Text className='committee__note'>还没有需要答辩的申报人：在“接收材料与缴费”登记缴费后，需要答辩的申报人会出现在这里。</Text> : null}
        {unscheduled.length > 0 && schedule ? <Text className='committee__note'>还没有时段：{unscheduled.map((d) => d.applicantName).join('、')}。</Text> : null}
      </View>

      {problem ? <ProblemAlert problem={problem} /> : null}

      <View className='committee__card'>
        <Text className='committee__subheading'>答辩场次</Text>
        {p.sessions.length === 0 && !adding ? <Text className='committee__note'>还没有场次。先添加答辩场次（日期、时间、地点、答辩组），再自动排时段。</Text> : null}
        {p.sessions.map((s) => (
          <View key={s.id} className='committee__item'>
            <Text className='committee__name'>
              {dateText(s.date)} {s.start}—{s.end}
              {s.breaks.map((b) => `（${b.start}—${b.end} 休息）`).join('')}
            </Text>
            <Text className='committee__meta'>
              {s.place.kind === 'room' ? s.place.name : `线上：${s.place.name}`} · {s.panels.map((panel) => panel.name).join('、')} · {s.capacity} 个时段
            </Text>
            {schedule?.slots.some((slot) => slot.sessionId === s.id) ? null : (
              <ActionButton tone='plain' disabled={busy !== null} onTap={() => void run(`remove-${s.id}`, () => call('defense', 'removeSession', { roundId, sessionId: s.id }))}>
                删除这个场次
              </ActionButton>
            )}
          </View>
        ))}
        {adding ? (
          <SessionForm plan={p} today={beijingDate(serverNow())} busy={busy === 'add'} onAdd={(session) => void addSession(session)} onCancel={() => setAdding(false)} />
        ) : (
          <ActionButton tone='light' onTap={() => setAdding(true)}>
            添加答辩场次
          </ActionButton>
        )}
      </View>

      <View className='committee__card'>
        <Text className='committee__subheading'>答辩时段</Text>
        {published ? null : (
          <>
            <Text className='committee__note'>自动排：同一答辩组不重叠、按专业分组。“按提交时间”先提交的先答辩；“抽签”随机排序，抽签号会记录备查。</Text>
            <View className='committee__actions'>
              <ActionButton tone={schedule ? 'light' : 'primary'} disabled={busy !== null || p.sessions.length === 0 || p.defenders.length === 0} onTap={() => void assign('submission')}>
                {busy === 'submission' ? '正在排…' : schedule ? '按提交时间重排' : '按提交时间排'}
              </ActionButton>
              <ActionButton tone='light' disabled={busy !== null || p.sessions.length === 0 || p.defenders.length === 0} onTap={() => void assign('draw')}>
                {busy === 'draw' ? '正在抽签…' : '抽签排'}
              </ActionButton>
            </View>
          </>
        )}
        {schedule ? <Text className='committee__note'>{`${schedule.order === 'draw' ? `抽签排序，抽签号 ${schedule.seed}（可复核）` : '按提交时间排序'}${schedule.adjusted > 0 ? `；之后手动调整过 ${schedule.adjusted} 次，现在的顺序不完全是${schedule.order === 'draw' ? '抽签' : '提交时间'}顺序` : ''}`}</Text> : null}
        {schedule?.slots.map((slot) => (
          <SlotRow key={slot.applicationId} plan={p} slot={slot} today={beijingDate(serverNow())} busy={busy !== null} onChange={(c) => void change(slot.applicationId, c)} onMark={(a) => void mark(slot.applicationId, a)} />
        ))}
        {published && unscheduled.length > 0 ? (
          <ActionButton tone='light' disabled={busy !== null} onTap={() => void assign('submission')}>
            {busy === 'submission' ? '正在补排…' : `为没有时段的 ${unscheduled.length} 人补排`}
          </ActionButton>
        ) : null}
        {schedule && unannounced > 0 ? (
          <ActionButton disabled={busy !== null || unscheduled.length > 0} onTap={() => void publish(unannounced)}>
            {busy === 'publish' ? '正在发布…' : published ? `通知新排的 ${unannounced} 人` : '发布并通知申报人'}
          </ActionButton>
        ) : null}
        {published ? <Text className='committee__note'>调整时段会立即通知本人并请其重新确认。答辩当天：点“答辩完成”或“缺席”后，同组下一位会收到“请准备”的通知。</Text> : null}
      </View>

      {p.others.length > 0 ? (
        <View className='committee__card'>
          <Text className='committee__subheading'>不排答辩的申报人</Text>
          {p.others.map((o) => (
            <View key={o.applicationId} className='committee__item'>
              <Text className='committee__name'>{o.applicantName}</Text>
              <Text className='committee__meta'>{o.why}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export default withSystemFont(DefensePlan);
