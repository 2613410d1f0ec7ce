import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import type { MeetingView } from '../../core/contracts/evaluation';
import { ChoiceRow } from './choice-row';
import './committee.scss';

const PRESENCE = [
  { value: 'present', text: '到会' },
  { value: 'absent', text: '缺席' },
] as const;
type Presence = (typeof PRESENCE)[number]['value'];

/**
 * 签到: on the meeting's day the secretary marks each member present or absent and records it; the
 * quorum line says at once whether the meeting may decide. Changeable until the results are published.
 */
export function Attendance({ view, busy, onRecord }: { view: MeetingView; busy: boolean; onRecord: (present: string[]) => Promise<boolean> }) {
  const [marks, setMarks] = useState<Readonly<Record<string, Presence>>>({});
  const markOf = (id: string, present: boolean | null): Presence | null => marks[id] ?? (present === null ? null : present ? 'present' : 'absent');
  const unmarked = view.meetingExperts.filter((e) => markOf(e.id, e.present) === null).length;
  const q = view.quorum;
  const editable = view.mayRecordAttendance;
  if (view.stage !== 'voting' && q.present === null) return null;
  return (
    <View className='committee__card attendance'>
      <Text className='committee__subheading'>到会专家（签到）</Text>
      <Text className='committee__note'>{q.ruleText}</Text>
      {q.present === null ? (
        <Text className='committee__line'>{editable ? '还没有登记：请逐位选择“到会”或“缺席”，再点“登记到会专家”。' : '评审会当天才能登记到会专家。'}</Text>
      ) : (
        <Text className={q.met ? 'committee__ok' : 'meeting__over'}>
          已登记到会 {q.present} 位，{q.met ? `达到法定人数（${q.needed} 位）` : `不到法定人数 ${q.needed} 位：不能表决，也不能作出评审结果`}
        </Text>
      )}
      {view.meetingExperts.map((e) => (
        <View key={e.id} className='attendance__row'>
          <Text className='committee__name'>{e.name}</Text>
          {editable ? (
            <ChoiceRow label={`${e.name}`} options={PRESENCE} value={markOf(e.id, e.present)} disabled={busy} onPick={(v) => setMarks((all) => ({ ...all, [e.id]: v }))} />
          ) : (
            <Text className='committee__meta'>{e.present === null ? '未登记' : e.present ? '到会' : '缺席'}</Text>
          )}
        </View>
      ))}
      {editable ? (
        <ActionButton
          tone='light'
          disabled={busy || unmarked > 0}
          onTap={() => void onRecord(view.meetingExperts.filter((e) => markOf(e.id, e.present) === 'present').map((e) => e.id)).then((done) => done && setMarks({}))}
        >
          {unmarked > 0 ? `还有 ${unmarked} 位没有选择` : '登记到会专家'}
        </ActionButton>
      ) : null}
    </View>
  );
}
