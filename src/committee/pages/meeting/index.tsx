import { Picker, Text, View } from '@tarojs/components';
import { useRouter } from '../../../services/page/lifecycle';
import { confirm } from '../../../services/ui/dialogs';
import { useRef, useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { ErrorView, LoadingView } from '../../../components/status-view';
import { withSystemFont } from '../../../components/system-font';
import type { MeetingItem, MeetingView } from '../../../core/contracts/evaluation';
import type { AppError } from '../../../core/errors';
import type { MeetingResult } from '../../../core/evaluation/meeting';
import type { Result } from '../../../core/result';
import { beijingDate } from '../../../core/time/beijing';
import { ChoiceRow } from '../../../features/committee/choice-row';
import { chineseDate } from '../../../core/review/template-fill';
import { ProblemAlert } from '../../../features/committee/problem-alert';
import { Objections } from '../../../features/committee/objections';
import { call } from '../../../services/api/client';
import { newRequestId } from '../../../services/api/request-id';
import { useCall } from '../../../services/api/use-call';
import { serverNow } from '../../../services/server-time';
import '../../../features/committee/committee.scss';
import { useShownAgain } from '../../../services/page/shown-again';

const RESULTS: readonly { value: MeetingResult; text: string }[] = [
  { value: 'pass', text: '通过' },
  { value: 'fail', text: '不通过' },
];

/**
 * One evaluation meeting for its secretary: the experts' tally per application, pass or fail for
 * each, the round's pass-rate caps counted as results are recorded, publishing (refused above a
 * cap, saying by how many), the publicity, the certificate.
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

  const voting = m.stage === 'voting';
  return (
    <View className='committee meeting'>
      <View className='committee__card'>
        <Text className='committee__heading'>{chineseDate(m.heldOn)} 评审会</Text>
        <Text className='committee__line'>{m.roundTitle}</Text>
        <Text className='committee__badge'>{m.stageText}</Text>
        <Text className='committee__meta'>评审专家：{m.expertNames.join('、')}</Text>
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
        {voting ? <Text className='committee__note'>专家投票可随时刷新查看；按评审会的决定为每份申报选择“通过”或“不通过”，发布前都可以改。</Text> : null}
        {m.items.map((item) => (
          <ItemRow key={item.applicationId} item={item} voting={voting} disabled={busy !== null} onResult={(result) => void run(`result-${item.code}`, () => call('committee', 'recordResult', { meetingId, applicationId: item.applicationId, result }))} />
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
            <ActionButton disabled={busy !== null} onTap={() => void run('certify', () => call('committee', 'certify', { meetingId }))}>
              {busy === 'certify' ? '正在确认…' : m.objections.length > 0 ? '异议已答复，确认取得资格' : '公示无异议，确认取得资格'}
            </ActionButton>
          ) : m.objections.some((o) => o.answer === null) ? (
            <Text className='committee__note'>还有异议没有答复：答复后才能确认取得资格。</Text>
          ) : (
            <Text className='committee__note'>公示期满（{m.publicity ? chineseDate(m.publicity.to) : ''}之后）才能确认取得资格。</Text>
          )}
        </View>
      ) : null}
    </View>
  );
}

function ItemRow({ item, voting, disabled, onResult }: { item: MeetingItem; voting: boolean; disabled: boolean; onResult: (result: MeetingResult) => void }) {
  return (
    <View className='committee__item'>
      <View className='committee__item-head'>
        <Text className='committee__name'>
          {item.code}号 {item.applicantName}
        </Text>
        <Text className='committee__meta'>
          {item.label} · {item.specialtyName}
        </Text>
      </View>
      <Text className='committee__line'>专家表决：{item.tallyText}</Text>
      {voting ? <ChoiceRow label={`${item.code}号 ${item.applicantName} 的评审结果`} options={RESULTS} value={item.result} disabled={disabled} onPick={onResult} /> : <Text className='committee__badge'>{item.statusText}</Text>}
    </View>
  );
}

export default withSystemFont(Meeting);
