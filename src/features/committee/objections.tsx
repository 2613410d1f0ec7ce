import { Input, Text, Textarea, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import type { MeetingView, ObjectionView } from '../../core/contracts/evaluation';
import { formatBeijingDateTime } from '../../core/time/format';
import { newRequestId } from '../../services/api/request-id';
import { ChoiceRow } from './choice-row';
import './committee.scss';

/**
 * 异议 during the results' publicity: the secretary records each as it came in (against whom, who
 * lodged it, what it says) and answers it after checking; the qualification is confirmed only once
 * every one is answered.
 */
export function Objections({
  view,
  busy,
  onRecord,
  onAnswer,
}: {
  view: MeetingView;
  busy: boolean;
  /** `requestId` names this one objection: a double tap records it once. */
  onRecord: (objection: { requestId: string; applicationId: string; from: string; text: string }) => Promise<boolean>;
  onAnswer: (objectionId: string, answer: string) => Promise<boolean>;
}) {
  const publicised = view.items.filter((i) => i.status === 'publicised');
  const [against, setAgainst] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [text, setText] = useState('');
  const requestId = useRef(newRequestId());
  if (view.objections.length === 0 && !view.mayRecordObjection) return null;
  return (
    <View className='committee__card objections'>
      <Text className='committee__subheading'>异议（{view.objections.length} 条）</Text>
      {view.objections.length === 0 ? <Text className='committee__note'>公示期内还没有收到异议。收到时在下面登记，核查后答复。</Text> : null}
      {view.objections.map((o) => (
        <ObjectionRow key={o.id} objection={o} busy={busy} onAnswer={onAnswer} />
      ))}
      {view.mayRecordObjection && publicised.length > 0 ? (
        <View className='objections__form'>
          <Text className='session-form__label'>登记一条异议：针对</Text>
          <ChoiceRow label='异议针对的人员' options={publicised.map((i) => ({ value: i.applicationId, text: `${i.code}号 ${i.applicantName}` }))} value={against} disabled={busy} onPick={setAgainst} />
          <Input className='session-form__input' value={from} maxlength={50} placeholder='提出人（姓名或单位；匿名的写“匿名”）' aria-label='提出人' onInput={(e) => setFrom(e.detail.value)} />
          <Textarea className='objections__text' value={text} maxlength={500} placeholder='异议内容，照原话登记' aria-label='异议内容' onInput={(e) => setText(e.detail.value)} />
          <ActionButton
            tone='light'
            disabled={busy}
            onTap={() => {
              if (!against) return;
              void onRecord({ requestId: requestId.current, applicationId: against, from, text }).then((done) => {
                if (!done) return;
                requestId.current = newRequestId();
                setAgainst(null);
                setFrom('');
                setText('');
              });
            }}
          >
            {against ? '登记异议' : '先选择异议针对的人员'}
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}

function ObjectionRow({ objection: o, busy, onAnswer }: { objection: ObjectionView; busy: boolean; onAnswer: (objectionId: string, answer: string) => Promise<boolean> }) {
  const [answer, setAnswer] = useState('');
  return (
    <View className='committee__item'>
      <Text className='committee__name'>
        {o.code}号 {o.applicantName}
      </Text>
      <Text className='committee__meta'>
        {o.from} · {formatBeijingDateTime(new Date(o.recordedAt))} 登记
      </Text>
      <Text className='committee__line'>{o.text}</Text>
      {o.answer ? (
        <Text className='committee__ok'>已答复：{o.answer.text}</Text>
      ) : (
        <View className='objections__form'>
          <Textarea className='objections__text' value={answer} maxlength={500} placeholder='核查结果和答复' aria-label={`${o.code}号异议的答复`} onInput={(e) => setAnswer(e.detail.value)} />
          <ActionButton tone='light' disabled={busy} onTap={() => void onAnswer(o.id, answer)}>
            提交答复
          </ActionButton>
        </View>
      )}
    </View>
  );
}
