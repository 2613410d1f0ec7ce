import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import type { SubscriptionStatusView, SubscriptionTemplateView } from '../../core/contracts/api';
import { call } from '../../services/api/client';
import { useCall } from '../../services/api/use-call';
import { askSubscribe } from '../../services/platform/subscribe';
import './reminders.scss';
import { newRequestId } from '../../services/api/request-id';

/** Which reminders a page offers: the review chain's after submitting, the defense's on the defense page. */
export const REMINDER_GROUPS = {
  review: ['review_result', 'materials_returned'],
  defense: ['defense_scheduled', 'defense_reminder', 'defense_changed'],
} as const satisfies Record<string, readonly SubscriptionTemplateView['key'][]>;

/**
 * WeChat reminders for one group of messages: how many each may still send, and one tap to allow
 * more (WeChat's own prompt, asked inside the tap). A one-time reminder is one message, so the
 * count goes down as messages arrive; without any, the notice still appears in 我的申报.
 */
export function Reminders({ group }: { group: keyof typeof REMINDER_GROUPS }) {
  const loaded = useCall('subscriptions', 'status', {});
  const [status, setStatus] = useState<SubscriptionStatusView | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const current = status ?? (loaded.status === 'ready' ? loaded.data : null);
  if (!current) return null;
  if (!current.setUp) {
    return (
      <View className='reminders'>
        <Text className='reminders__note'>微信提醒还没有开通，审核和答辩的通知会显示在“我的申报”里，请经常查看。</Text>
      </View>
    );
  }
  const keys: readonly string[] = REMINDER_GROUPS[group];
  const templates = current.templates.filter((t) => keys.includes(t.key));
  if (templates.length === 0) return null;
  const fewest = Math.min(...templates.map((t) => t.credits));

  function ask() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    // WeChat shows its prompt only in answer to a tap: ask before anything is awaited.
    const asked = askSubscribe(templates.map((t) => ({ id: t.templateId, title: t.title })));
    const requestId = newRequestId();
    void asked
      .then((outcome) => call('subscriptions', 'record', { requestId, results: { ...outcome.results }, errCode: outcome.errCode }))
      .then((recorded) => {
        if (recorded.ok) setStatus(recorded.value);
        else setFailure(recorded.error.message);
      })
      .finally(() => setBusy(false));
  }

  return (
    <View className='reminders'>
      <Text className='reminders__heading'>微信提醒</Text>
      {templates.map((t) => (
        <View key={t.key} className='reminders__row'>
          <Text className='reminders__title'>{t.title}</Text>
          <Text className={`reminders__count ${t.credits === 0 && !current.longTerm ? 'reminders__count--none' : ''}`}>{current.longTerm ? '已开启' : t.credits > 0 ? `还可提醒 ${t.credits} 次` : '未开启'}</Text>
        </View>
      ))}
      {current.messages.length > 0 || failure ? (
        <View role='alert' className='reminders__alerts'>
          {current.messages.map((m) => (
            <Text key={m} className='reminders__note'>
              {m}
            </Text>
          ))}
          {failure ? <Text className='reminders__note reminders__note--error'>{failure}</Text> : null}
        </View>
      ) : null}
      {current.longTerm && fewest > 0 ? null : (
        <>
          <Text className='reminders__note'>微信每次允许只能收到一次提醒。多点几次“允许”，每一步都能及时收到；没有提醒时，通知仍在“我的申报”里。</Text>
          <ActionButton tone={fewest > 0 ? 'light' : 'primary'} disabled={busy} onTap={ask}>
            {busy ? '正在开启…' : fewest > 0 ? '再添加一次提醒' : '接收微信提醒'}
          </ActionButton>
        </>
      )}
    </View>
  );
}
