import { Picker, Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import type { DefensePlanView, DefenseSlotView } from '../../core/contracts/api';
import { panelSlots } from '../../core/defense/schedule';
import { beijingDate } from '../../core/time/beijing';
import { formatBeijingClock, formatBeijingShort } from '../../core/time/format';
import './committee.scss';

export type SlotChange =
  | { readonly kind: 'move'; readonly to: { readonly sessionId: string; readonly panelId: string; readonly startsAt: string } }
  | { readonly kind: 'swap'; readonly with: string }
  | { readonly kind: 'cancel'; readonly reason: string };

/** Why a slot is taken back, as the applicant is told (at most 20 characters). */
const CANCEL_REASONS = ['申报人请假，另行安排', '答辩组调整，另行安排'];

const ATTENDANCE = { present: '已到场', absent: '缺席', done: '已答辩' } as const;

/** Where a slot may go: every free time of a panel that hears the applicant's specialty, a swap with anyone else, or taken back. */
export function changesFor(plan: DefensePlanView, slot: DefenseSlotView): { readonly label: string; readonly change: SlotChange }[] {
  const slots = plan.schedule?.slots ?? [];
  const taken = new Set(slots.map((s) => `${s.sessionId}|${s.panelId}|${s.startsAt}`));
  const moves = plan.sessions.flatMap((session) =>
    session.panels
      .filter((panel) => panel.specialties.includes(slot.specialty))
      .flatMap((panel) =>
        panelSlots(session)
          .map((t) => new Date(t.startsAt).toISOString())
          .filter((startsAt) => !taken.has(`${session.id}|${panel.id}|${startsAt}`))
          .map((startsAt) => ({ label: `改到 ${formatBeijingShort(new Date(startsAt))} ${panel.name}`, change: { kind: 'move', to: { sessionId: session.id, panelId: panel.id, startsAt } } as const })),
      ),
  );
  const swaps = slots
    .filter((s) => s.applicationId !== slot.applicationId && s.attendance === null)
    .map((s) => ({ label: `与 ${s.applicantName}（${formatBeijingShort(new Date(s.startsAt))}）对调`, change: { kind: 'swap', with: s.applicationId } as const }));
  const cancels = CANCEL_REASONS.map((reason) => ({ label: `取消这个时段（${reason}）`, change: { kind: 'cancel', reason } as const }));
  return [...moves, ...swaps, ...cancels];
}

/**
 * One applicant's slot in the secretary's schedule: the time, who, confirmed or not; before the day
 * a change (to a free time, or a swap); once published, from the defense's day, 到场 / 缺席 / 答辩完成.
 */
export function SlotRow({
  plan,
  slot,
  today,
  busy,
  onChange,
  onMark,
}: {
  plan: DefensePlanView;
  slot: DefenseSlotView;
  /** The server's date (Beijing): attendance is marked from the defense's day. */
  today: string;
  busy: boolean;
  onChange: (change: SlotChange) => void;
  onMark: (attendance: 'present' | 'absent' | 'done') => void;
}) {
  const published = plan.schedule?.publishedAt != null;
  const onTheDay = today >= beijingDate(new Date(slot.startsAt));
  const options = slot.attendance === null ? changesFor(plan, slot) : [];
  return (
    <View className='committee__item'>
      <View className='committee__item-head'>
        <Text className='committee__name'>
          {formatBeijingClock(new Date(slot.startsAt))} {slot.applicantName}
        </Text>
        {slot.attendance ? (
          <Text className={`committee__badge ${slot.attendance === 'absent' ? 'committee__badge--warn' : 'committee__badge--ok'}`}>{ATTENDANCE[slot.attendance]}</Text>
        ) : slot.published ? (
          <Text className={`committee__badge ${slot.confirmed ? 'committee__badge--ok' : ''}`}>{slot.confirmed ? '已确认参加' : '未确认'}</Text>
        ) : published ? (
          <Text className='committee__badge committee__badge--warn'>新排，未通知</Text>
        ) : null}
      </View>
      <Text className='committee__meta'>
        {slot.panelName} · {slot.specialtyName}
      </Text>
      <View className='committee__actions'>
        {options.length > 0 ? (
          <Picker mode='selector' range={options.map((o) => o.label)} disabled={busy} onChange={(e) => onChange(options[Number(e.detail.value)]!.change)}>
            <View className='action-button action-button--light' role='button' aria-label={`调整 ${slot.applicantName} 的时段`}>
              调整时段
            </View>
          </Picker>
        ) : null}
        {slot.published && onTheDay && slot.attendance !== 'done' ? (
          <>
            {slot.attendance === null ? (
              <ActionButton tone='light' disabled={busy} onTap={() => onMark('present')}>
                到场
              </ActionButton>
            ) : null}
            {slot.attendance !== 'absent' ? (
              <ActionButton tone='light' disabled={busy} onTap={() => onMark('absent')}>
                缺席
              </ActionButton>
            ) : null}
            <ActionButton tone='light' disabled={busy} onTap={() => onMark('done')}>
              答辩完成
            </ActionButton>
          </>
        ) : null}
      </View>
    </View>
  );
}
