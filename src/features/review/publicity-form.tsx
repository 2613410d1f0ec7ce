import { Picker, Text, View } from '@tarojs/components';
import { copyText } from '../../services/ui/dialogs';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import './review.scss';

const dateText = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * The unit's internal publicity (单位内部公示): its first and last day; the server counts the
 * working days on Xinjiang's calendar and refuses fewer than the round asks.
 */
export function PublicityForm({
  recorded,
  requiredDays,
  today,
  texts,
  busy,
  onRecord,
}: {
  recorded: { readonly from: string; readonly to: string; readonly workingDays: number; readonly note: string | null } | null;
  requiredDays: number;
  /** The server's date (YYYY-MM-DD, Beijing). */
  today: string;
  /** 推荐单位公示 / 公示结果 filled with the applicant's data, once the dates are recorded. */
  texts: readonly { readonly attachment: string; readonly name: string; readonly text: string }[];
  busy: boolean;
  onRecord: (from: string, to: string) => void;
}) {
  const [from, setFrom] = useState(recorded?.from ?? '');
  const [to, setTo] = useState(recorded?.to ?? '');
  const field = (label: string, value: string, set: (v: string) => void) => (
    <Picker mode='date' value={value || today} start='2020-01-01' end='2030-12-31' onChange={(e) => set(String(e.detail.value))}>
      <View className='reason-form__picker' role='button' aria-label={`${label}${value ? `：${dateText(value)}，点击修改` : '：点击选择'}`}>
        <Text className='reason-form__picker-value'>
          {label}：{value ? dateText(value) : '请选择'}
        </Text>
        <Text className='reason-form__picker-action'>{value ? '修改' : '选择'}</Text>
      </View>
    </Picker>
  );
  return (
    <View className='reason-form publicity-form'>
      <Text className='review__heading'>单位内部公示</Text>
      <Text className='review__note'>通知要求公示不少于 {requiredDays} 个工作日（按新疆的节假日计算），公示结束后才能推荐。</Text>
      {recorded ? (
        <Text className='review__ok'>
          已登记：{dateText(recorded.from)} 至 {dateText(recorded.to)}，共 {recorded.workingDays} 个工作日
        </Text>
      ) : null}
      {recorded?.note ? <Text className='review__note'>{recorded.note}</Text> : null}
      {field('开始日期', from, setFrom)}
      {field('结束日期', to, setTo)}
      <ActionButton tone='light' disabled={!from || !to || busy} onTap={() => onRecord(from, to)}>
        {busy ? '正在登记…' : recorded ? '修改公示日期' : '登记公示日期'}
      </ActionButton>
      {texts.map((t) => (
        <View key={t.attachment} className='publicity-form__text'>
          <Text className='review__heading'>
            {t.name}（{t.attachment}，已填好申报人信息）
          </Text>
          <Text className='review__text' userSelect>
            {t.text}
          </Text>
          <ActionButton tone='plain' onTap={() => void copyText(t.text)}>
            复制全文
          </ActionButton>
        </View>
      ))}
    </View>
  );
}
