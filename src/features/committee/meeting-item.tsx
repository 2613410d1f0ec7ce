import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import type { MeetingExpert, MeetingItem } from '../../core/contracts/evaluation';
import type { MeetingResult } from '../../core/evaluation/meeting';
import { ChoiceRow } from './choice-row';
import './committee.scss';

const RESULT_TEXT: Readonly<Record<MeetingResult, string>> = { pass: '通过', fail: '不通过' };

/** What the secretary can do to one application while the meeting decides. */
export interface ItemActions {
  readonly recuse: (expertId: string, reason: string) => Promise<boolean>;
  readonly liftRecusal: (expertId: string) => Promise<boolean>;
  readonly override: (result: MeetingResult, reason: string) => Promise<boolean>;
  readonly clearOverride: () => Promise<boolean>;
  readonly answerRecheck: (answer: string) => Promise<boolean>;
}

/**
 * One application of a meeting for its secretary: the tally of the experts who vote on it, the
 * result the votes reach (or why not yet), recusals (proposed ones to confirm, others to record),
 * and a change of the result only with its reason.
 */
export function MeetingItemRow({ item, experts, voting, busy, actions }: { item: MeetingItem; experts: readonly MeetingExpert[]; voting: boolean; busy: boolean; actions: ItemActions }) {
  const who = `${item.code}号 ${item.applicantName}`;
  return (
    <View className='committee__item'>
      <View className='committee__item-head'>
        <Text className='committee__name'>{who}</Text>
        <Text className='committee__meta'>
          {item.label} · {item.specialtyName}
        </Text>
      </View>
      <Text className='committee__line'>
        专家表决：{item.tallyText}
        {item.needed > 0 ? `（通过需同意 ${item.needed} 张）` : ''}
      </Text>
      {voting ? <VotesSay item={item} /> : <Text className='committee__badge'>{item.statusText}</Text>}
      {item.override ? (
        <View className='meeting-item__override'>
          <Text className='meeting__unusual'>
            已改判为{RESULT_TEXT[item.override.result]}，理由：{item.override.reason}
          </Text>
          {voting ? (
            <ActionButton tone='plain' disabled={busy} onTap={() => void actions.clearOverride()}>
              撤销改判
            </ActionButton>
          ) : null}
        </View>
      ) : null}
      {item.recusals.map((r) => (
        <View key={r.expertId} className='meeting-item__recusal'>
          <Text className='committee__meta'>
            回避：{r.name}（{r.reason}）
          </Text>
          {voting ? (
            <ActionButton tone='plain' disabled={busy} onTap={() => void actions.liftRecusal(r.expertId)}>
              撤销回避
            </ActionButton>
          ) : null}
        </View>
      ))}
      {voting
        ? item.proposedRecusals.map((p) => (
            <View key={p.expertId} className='meeting-item__recusal'>
              <Text className='meeting__unusual'>
                建议回避：{p.name}（{p.why}）
              </Text>
              <ActionButton tone='light' disabled={busy} onTap={() => void actions.recuse(p.expertId, p.why)}>
                {`确认${p.name}回避`}
              </ActionButton>
            </View>
          ))
        : null}
      {voting ? <MoreActions item={item} who={who} experts={experts} busy={busy} actions={actions} /> : null}
      {item.recheck ? <RecheckRow item={item} who={who} busy={busy} onAnswer={actions.answerRecheck} /> : null}
    </View>
  );
}

/** 复查 the applicant asked for: the reason, and the committee's answer (written here once). */
function RecheckRow({ item, who, busy, onAnswer }: { item: MeetingItem; who: string; busy: boolean; onAnswer: (answer: string) => Promise<boolean> }) {
  const [answer, setAnswer] = useState('');
  const r = item.recheck!;
  return (
    <View className='meeting-item__recusal'>
      <Text className='meeting__unusual'>申请复查：{r.reason}</Text>
      {r.answer ? (
        <Text className='committee__ok'>已答复：{r.answer.text}</Text>
      ) : (
        <View className='objections__form'>
          <Textarea className='objections__text' value={answer} maxlength={500} placeholder='复查结果和答复' aria-label={`${who} 复查的答复`} onInput={(e) => setAnswer(e.detail.value)} />
          <ActionButton tone='light' disabled={busy} onTap={() => void onAnswer(answer)}>
            提交复查答复
          </ActionButton>
        </View>
      )}
    </View>
  );
}

/** The votes' answer in one line: the result, or why there is none yet. */
function VotesSay({ item }: { item: MeetingItem }) {
  if (!item.computed) return <Text className='committee__note'>尚无表决结果：{item.pending}</Text>;
  return <Text className={item.override ? 'committee__line' : 'committee__ok'}>表决结果：{RESULT_TEXT[item.computed]}</Text>;
}

/** Less common acts, folded: recuse an expert the secretary finds, change the votes' result with a reason. */
function MoreActions({ item, who, experts, busy, actions }: { item: MeetingItem; who: string; experts: readonly MeetingExpert[]; busy: boolean; actions: ItemActions }) {
  const [open, setOpen] = useState<'recuse' | 'override' | null>(null);
  const [expertId, setExpertId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const others = experts.filter((e) => !item.recusals.some((r) => r.expertId === e.id));
  const against: MeetingResult | null = item.computed && !item.override ? (item.computed === 'pass' ? 'fail' : 'pass') : null;
  const done = (ok: boolean) => {
    if (!ok) return;
    setOpen(null);
    setExpertId(null);
    setReason('');
  };
  if (!open) {
    return (
      <View className='committee__actions'>
        {others.length > 0 ? (
          <ActionButton tone='plain' disabled={busy} onTap={() => setOpen('recuse')}>
            登记回避
          </ActionButton>
        ) : null}
        {against ? (
          <ActionButton tone='plain' disabled={busy} onTap={() => setOpen('override')}>
            {`改判为${RESULT_TEXT[against]}`}
          </ActionButton>
        ) : null}
      </View>
    );
  }
  return (
    <View className='objections__form'>
      {open === 'recuse' ? (
        <>
          <Text className='session-form__label'>哪位专家回避{who}：</Text>
          <ChoiceRow label={`${who} 回避的专家`} options={others.map((e) => ({ value: e.id, text: e.name }))} value={expertId} disabled={busy} onPick={setExpertId} />
        </>
      ) : (
        <Text className='session-form__label'>
          {`表决结果是${RESULT_TEXT[item.computed!]}，改判为${RESULT_TEXT[against!]}：请写明理由和依据（如一票否决的查实材料、超出通过率时评审会的取舍），将记入会议记录。`}
        </Text>
      )}
      <Textarea className='objections__text' value={reason} maxlength={300} placeholder={open === 'recuse' ? '回避理由，如：近亲属、同一项目组' : '改判理由和依据'} aria-label={open === 'recuse' ? `${who} 回避理由` : `${who} 改判理由`} onInput={(e) => setReason(e.detail.value)} />
      <View className='committee__actions'>
        <ActionButton
          tone='light'
          disabled={busy || (open === 'recuse' && !expertId)}
          onTap={() => void (open === 'recuse' ? actions.recuse(expertId!, reason) : actions.override(against!, reason)).then(done)}
        >
          {open === 'recuse' ? (expertId ? '确认回避' : '先选择回避的专家') : `确认改判为${RESULT_TEXT[against!]}`}
        </ActionButton>
        <ActionButton tone='plain' disabled={busy} onTap={() => done(true)}>
          取消
        </ActionButton>
      </View>
    </View>
  );
}
