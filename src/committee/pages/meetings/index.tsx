import { Navigator, Picker, Text, View } from '@tarojs/components';
import { openPage } from '../../../services/page/navigate';
import { useRef, useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { ExportButton } from '../../../components/export-button';
import { EmptyView, ErrorView, LoadingView } from '../../../components/status-view';
import { withSystemFont } from '../../../components/system-font';
import type { MeView } from '../../../core/contracts/api';
import type { MeetingSummary } from '../../../core/contracts/evaluation';
import type { AppError } from '../../../core/errors';
import { beijingDate } from '../../../core/time/beijing';
import { ChoiceRow } from '../../../features/committee/choice-row';
import { ExpertPicker } from '../../../features/committee/expert-picker';
import type { ExpertChoice } from '../../../core/evaluation/expert-draw';
import { chineseDate } from '../../../core/review/template-fill';
import { ProblemAlert } from '../../../components/problem-alert';
import { call } from '../../../services/api/client';
import { newRequestId } from '../../../services/api/request-id';
import { useCall } from '../../../services/api/use-call';
import { serverNow } from '../../../services/server-time';
import '../../../features/committee/committee.scss';
import { useShownAgain } from '../../../services/page/shown-again';
import '../../../services/api/staff-contracts';

/**
 * 评审会: the secretary sets one up for a round and a day (every application ready for evaluation
 * joins it, and the experts chosen from the round's pool by hand or drawn) and opens it to record results; an expert sees the meetings
 * they sit in and opens one to read and vote.
 */
function Meetings() {
  const me = useCall('account', 'me', {});
  const list = useCall('committee', 'meetings', {});
  useShownAgain(() => list.reload());

  if (me.status === 'loading' || list.status === 'loading') return <LoadingView label='正在读取评审会…' />;
  if (me.status === 'error') return <ErrorView error={me.error} onRetry={me.reload} />;
  if (list.status === 'error') return <ErrorView error={list.error} onRetry={list.reload} />;
  const secretary = me.data.role === 'committee_secretary';

  return (
    <View className='committee'>
      {secretary ? <NewMeeting me={me.data} /> : null}
      {list.data.length === 0 ? (
        <EmptyView title='还没有评审会' hint={secretary ? '申报人缴费（需要答辩的已答辩）后，在上面选择批次和日期安排评审会。' : '评审委员会秘书安排评审会后，您参加的评审会会显示在这里。'} />
      ) : null}
      {list.data.map((m) => (
        <MeetingEntry key={m.id} meeting={m} secretary={secretary} />
      ))}
      {secretary && me.data.committeeRounds.length > 0 ? (
        <View className='committee__card'>
          <Text className='committee__subheading'>申报人员花名册（Excel）</Text>
          <Text className='committee__note'>按bazhou-ecoenv-2024 附件5的栏目，列出批次内已提交的全部申报，含评审结果。</Text>
          {me.data.committeeRounds.map((r) => (
            <ExportButton key={r.id} label={me.data.committeeRounds.length > 1 ? `导出：${r.title}` : '导出花名册'} make={() => call('documents', 'roster', { roundId: r.id })} />
          ))}
        </View>
      ) : null}
    </View>
  );
}

function MeetingEntry({ meeting: m, secretary }: { meeting: MeetingSummary; secretary: boolean }) {
  const url = secretary ? `/committee/pages/meeting/index?id=${encodeURIComponent(m.id)}` : `/committee/pages/evaluate/index?meetingId=${encodeURIComponent(m.id)}&code=1`;
  return (
    <Navigator className='committee__card committee__entry' hoverClass='committee__entry--pressed' url={url}>
      <Text className='committee__subheading'>{chineseDate(m.heldOn)} 评审会</Text>
      <Text className='committee__line'>{m.roundTitle}</Text>
      <Text className='committee__badge'>{m.stageText}</Text>
      <Text className='committee__meta'>
        {m.applications} 份申报 · {m.experts} 位评审专家
      </Text>
    </Navigator>
  );
}

function NewMeeting({ me }: { me: MeView }) {
  const today = beijingDate(serverNow());
  const [roundId, setRoundId] = useState<string | null>(me.committeeRounds.length === 1 ? me.committeeRounds[0]!.id : null);
  const [heldOn, setHeldOn] = useState('');
  const [experts, setExperts] = useState<ExpertChoice | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);
  const requestId = useRef(newRequestId());
  if (me.committeeRounds.length === 0) return <EmptyView title='您还没有负责的评审批次' hint='请联系管理员把您登记为评审委员会秘书。' />;

  async function create() {
    if (busy) return;
    if (!roundId || !heldOn || !experts) {
      setProblem({ code: 'REQUEST.INVALID_PAYLOAD', message: !roundId ? '请先选择评审批次。' : !heldOn ? '请先选择评审会的日期。' : '请先选择评审专家。' });
      return;
    }
    setBusy(true);
    setProblem(null);
    const answer = await call('committee', 'createMeeting', { roundId, heldOn, requestId: requestId.current, experts: experts.kind === 'hand' ? { kind: 'hand', expertIds: [...experts.expertIds] } : experts });
    setBusy(false);
    if (answer.ok) {
      requestId.current = newRequestId();
      void openPage(`/committee/pages/meeting/index?id=${encodeURIComponent(answer.value.id)}`);
    } else {
      if (answer.error.code !== 'NETWORK.UNREACHABLE' && answer.error.code !== 'NETWORK.TIMEOUT') requestId.current = newRequestId();
      setProblem(answer.error);
    }
  }

  return (
    <View className='committee__card'>
      <Text className='committee__heading'>安排评审会</Text>
      <Text className='committee__note'>已缴费、需要答辩的已答辩的申报都会加入这次评审会。评审专家从本批次的专家库中选定或随机抽取，只看到编号和遮挡后的材料。</Text>
      {me.committeeRounds.length > 1 ? (
        <ChoiceRow label='评审批次' options={me.committeeRounds.map((r) => ({ value: r.id, text: r.title }))} value={roundId} onPick={setRoundId} />
      ) : (
        <Text className='committee__line'>{me.committeeRounds[0]!.title}</Text>
      )}
      <Picker mode='date' value={heldOn || today} start={today} onChange={(e) => setHeldOn(String(e.detail.value))}>
        <View className='committee__picker' role='button' aria-label={`评审会日期：${heldOn ? chineseDate(heldOn) : '请选择'}，点击${heldOn ? '修改' : '选择'}`}>
          <Text className='committee__picker-value'>评审会日期：{heldOn ? chineseDate(heldOn) : '请选择'}</Text>
          <Text className='committee__picker-action'>{heldOn ? '修改' : '选择'}</Text>
        </View>
      </Picker>
      {roundId ? <ExpertPicker roundId={roundId} onChange={setExperts} /> : null}
      {problem ? <ProblemAlert problem={problem} /> : null}
      <ActionButton disabled={busy} onTap={() => void create()}>
        {busy ? '正在安排…' : '安排评审会'}
      </ActionButton>
    </View>
  );
}

export default withSystemFont(Meetings);
