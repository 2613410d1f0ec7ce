import { Picker, Text, View } from '@tarojs/components';
import { useRouter } from '../../../services/page/lifecycle';
import { confirm } from '../../../services/ui/dialogs';
import { CONFIRM } from '../../../core/review/confirmations';
import { useRef, useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { ExportButton } from '../../../components/export-button';
import { ErrorView, LoadingView } from '../../../components/status-view';
import { withSystemFont } from '../../../components/system-font';
import type { MeetingView } from '../../../core/contracts/evaluation';
import type { AppError } from '../../../core/errors';
import type { Result } from '../../../core/result';
import { beijingDate } from '../../../core/time/beijing';
import { Attendance } from '../../../features/committee/attendance';
import { MeetingItemRow, type ItemActions } from '../../../features/committee/meeting-item';
import { chineseDate } from '../../../core/review/template-fill';
import { ProblemAlert } from '../../../components/problem-alert';
import { Objections } from '../../../features/committee/objections';
import { call } from '../../../services/api/client';
import { newRequestId } from '../../../services/api/request-id';
import { useCall } from '../../../services/api/use-call';
import { serverNow } from '../../../services/server-time';
import '../../../features/committee/committee.scss';
import { useShownAgain } from '../../../services/page/shown-again';
import '../../../services/api/staff-contracts';

/**
 * One evaluation meeting for its secretary: who is present (and whether they reach the quorum),
 * each application's tally of the experts who vote on it and the result the votes reach, recusals,
 * a change of a result only with its reason, the round's pass-rate caps counted on those results,
 * publishing (refused without the quorum, with a vote missing or above a cap, saying why), the
 * publicity, objections, the certificate.
 */
function Meeting() {
  // Taro's H5 router hands the query over still encoded; WeChat decodes it.
  const meetingId = decodeURIComponent(useRouter().params.id ?? '');
  const loaded = useCall('committee', 'meeting', { meetingId });
  const [view, setView] = useState<MeetingView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [until, setUntil] = useState('');
  const publishId = useRef(newRequestId());
  useShownAgain(() => {
    setView(null);
    loaded.reload();
  });

  if (loaded.status === 'loading') return <LoadingView label='正在读取评审会…' />;
  if (loaded.status === 'error') return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  const m = view ?? loaded.data;
  const today = beijingDate(serverNow());

  /** One step at a time; answers whether it was taken. */
  async function run(what: string, send: () => Promise<Result<MeetingView, AppError>>): Promise<boolean> {
    if (busy) return false;
    setBusy(what);
    setProblem(null);
    const answer = await send();
    setBusy(null);
    if (answer.ok) setView(answer.value);
    else setProblem(answer.error);
    return answer.ok;
  }

  async function publish() {
    const unusual = m.unusual.length > 0 ? `请先核对：${m.unusual.join('；')}。` : '';
    const confirmed = await confirm({ title: '发布评审结果', content: `${unusual}发布后每位申报人都会收到结果通知，结果不能再修改。确定发布吗？`, confirmText: '发布', cancelText: '再看看' });
    if (!confirmed) return;
    await run('publish', () => call('committee', 'publishResults', { meetingId, requestId: publishId.current }));
  }

  const itemActions = (applicationId: string): ItemActions => ({
    recuse: (expertId, reason) => run('recuse', () => call('committee', 'recuse', { meetingId, applicationId, expertId, reason })),
    liftRecusal: (expertId) => run('recuse', () => call('committee', 'liftRecusal', { meetingId, applicationId, expertId })),
    override: (result, reason) => run('override', () => call('committee', 'overrideResult', { meetingId, applicationId, result, reason })),
    clearOverride: () => run('override', () => call('committee', 'clearOverride', { meetingId, applicationId })),
    answerRecheck: (answer) => run('recheck', () => call('committee', 'answerRecheck', { meetingId, applicationId, answer })),
  });
  const voting = m.stage === 'voting';
  return (
    <View className='committee meeting'>
      <View className='committee__card'>
        <Text className='committee__heading'>{chineseDate(m.heldOn)} 评审会</Text>
        <Text className='committee__line'>{m.roundTitle}</Text>
        <Text className='committee__badge'>{m.stageText}</Text>
        <Text className='committee__meta'>
          评审专家：{m.meetingExperts.map((e) => e.name).join('、')}（{m.selectionText}）
        </Text>
        {m.publicity ? (
          <Text className='committee__line'>
            公示期：{chineseDate(m.publicity.from)}至{chineseDate(m.publicity.to)}
          </Text>
        ) : null}
      </View>

      {problem ? <ProblemAlert problem={problem} /> : null}

      {m.readyToAdd > 0 ? (
        <View className='committee__card'>
          <Text className='committee__line'>又有 {m.readyToAdd} 份申报可以评审了（已缴费，需要答辩的已答辩）。</Text>
          <ActionButton tone='light' disabled={busy !== null} onTap={() => void run('add', () => call('committee', 'addReady', { meetingId }))}>
            {busy === 'add' ? '正在加入…' : `加入这 ${m.readyToAdd} 份`}
          </ActionButton>
        </View>
      ) : null}

      <Attendance view={m} busy={busy !== null} onRecord={(present) => run('attendance', () => call('committee', 'recordAttendance', { meetingId, present }))} />

      {m.caps.length > 0 ? (
        <View className='committee__card'>
          <Text className='committee__subheading'>通过率</Text>
          {m.caps.map((c) => (
            <Text key={c.levelLabel} className={c.over ? 'meeting__over' : 'committee__line'}>
              {c.over ? '超出：' : ''}
              {c.text}
            </Text>
          ))}
        </View>
      ) : null}

      <View className='committee__card'>
        <Text className='committee__subheading'>申报与专家表决</Text>
        {voting ? <Text className='committee__note'>结果由到会专家的表决得出（回避的专家不计）；投票情况可随时刷新查看。与表决不同的结果须写明理由，记入会议记录。</Text> : null}
        {m.items.map((item) => (
          <MeetingItemRow key={item.applicationId} item={item} experts={m.meetingExperts} voting={voting} busy={busy !== null} actions={itemActions(item.applicationId)} />
        ))}
        {voting ? (
          <ActionButton tone='plain' disabled={busy !== null} onTap={() => void run('reload', () => call('committee', 'meeting', { meetingId }))}>
            {busy === 'reload' ? '正在刷新…' : '刷新专家表决'}
          </ActionButton>
        ) : null}
      </View>

      {voting ? (
        <View className='committee__card'>
          <Text className='committee__subheading'>发布评审结果</Text>
          {m.blockers.map((b) => (
            <Text key={b} className='committee__line'>
              · {b}
            </Text>
          ))}
          {m.unusual.length > 0 ? <Text className='committee__note'>发布前请核对：</Text> : null}
          {m.unusual.map((u) => (
            <Text key={u} className='meeting__unusual'>
              · {u}
            </Text>
          ))}
          <ActionButton disabled={busy !== null} onTap={() => void publish()}>
            {busy === 'publish' ? '正在发布…' : '发布评审结果'}
          </ActionButton>
        </View>
      ) : null}

      {m.mayPublicise ? (
        <View className='committee__card'>
          <Text className='committee__subheading'>公示</Text>
          <Text className='committee__note'>
            通过评审的人员在系统内公示，从今天起到所选日期止，不少于 5 个工作日{m.earliestPublicityEnd ? `（最早到 ${chineseDate(m.earliestPublicityEnd)}）` : ''}；申报人会收到通知。
          </Text>
          <Picker mode='date' value={until || (m.earliestPublicityEnd ?? today)} start={m.earliestPublicityEnd ?? today} onChange={(e) => setUntil(String(e.detail.value))}>
            <View className='committee__picker' role='button' aria-label={`公示截止日期：${until ? chineseDate(until) : '请选择'}，点击${until ? '修改' : '选择'}`}>
              <Text className='committee__picker-value'>公示截止日期：{until ? chineseDate(until) : '请选择'}</Text>
              <Text className='committee__picker-action'>{until ? '修改' : '选择'}</Text>
            </View>
          </Picker>
          <ActionButton
            disabled={busy !== null}
            onTap={() => {
              if (!until) setProblem({ code: 'REQUEST.INVALID_PAYLOAD', message: '请先选择公示截止日期。' });
              else void run('publicise', () => call('committee', 'publicise', { meetingId, until }));
            }}
          >
            {busy === 'publicise' ? '正在公示…' : '开始公示'}
          </ActionButton>
        </View>
      ) : null}

      {!voting ? (
        <View className='committee__card'>
          <Text className='committee__subheading'>评审会议记录（Word）</Text>
          <Text className='committee__note'>到会和缺席的专家、每份申报的表决票数和结果、回避和改判理由、通过率。由评审委员会存档，含专家姓名，不对申报人公开。</Text>
          <ExportButton label='导出会议记录' make={() => call('documents', 'meetingRecord', { meetingId })} />
        </View>
      ) : null}

      <Objections
        view={m}
        busy={busy !== null}
        onRecord={(o) => run('objection', () => call('committee', 'recordObjection', { meetingId, ...o }))}
        onAnswer={(objectionId, answer) => run(`answer-${objectionId}`, () => call('committee', 'answerObjection', { meetingId, objectionId, answer }))}
      />

      {m.stage === 'publicised' ? (
        <View className='committee__card'>
          <Text className='committee__subheading'>确认取得资格</Text>
          {m.mayCertify ? (
            <ActionButton
              disabled={busy !== null}
              onTap={() =>
                void confirm(CONFIRM.certify(m.items.filter((i) => i.status === 'publicised').length)).then((sure) => {
                  if (sure) void run('certify', () => call('committee', 'certify', { meetingId }));
                })
              }
            >
              {busy === 'certify' ? '正在确认…' : m.objections.length > 0 ? '异议已答复，确认取得资格' : '公示无异议，确认取得资格'}
            </ActionButton>
          ) : m.objections.some((o) => o.answer === null) ? (
            <Text className='committee__note'>还有异议没有答复：答复后才能确认取得资格。</Text>
          ) : m.items.some((i) => i.recheck && !i.recheck.answer) ? (
            <Text className='committee__note'>还有复查申请没有答复（见上面的申报）：答复后才能确认取得资格。</Text>
          ) : (
            <Text className='committee__note'>公示期满（{m.publicity ? chineseDate(m.publicity.to) : ''}之后）才能确认取得资格。</Text>
          )}
        </View>
      ) : null}
    </View>
  );
}

export default withSystemFont(Meeting);
