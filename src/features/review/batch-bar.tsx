import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import './review.scss';

/**
 * What a reviewer does with the applications ticked in the queue: one opinion for all (the
 * standard text when left empty) and one approval, confirmed first by name.
 */
export function BatchBar({ count, busy, onApprove, onClear }: { count: number; busy: boolean; onApprove: (opinion: string) => void; onClear: () => void }) {
  const [opinion, setOpinion] = useState('');
  if (count === 0) return null;
  return (
    <View className='batch-bar' role='region' aria-label='批量审核'>
      <View className='batch-bar__head'>
        <Text className='batch-bar__count'>已选 {count} 份</Text>
        <ActionButton tone='plain' disabled={busy} onTap={onClear}>
          取消选择
        </ActionButton>
      </View>
      <Input className='batch-bar__opinion' value={opinion} maxlength={200} placeholder='审核意见（不填则用标准意见）' aria-label='批量审核意见' onInput={(e) => setOpinion(e.detail.value)} />
      <ActionButton disabled={busy} onTap={() => onApprove(opinion.trim())}>
        {busy ? `正在审核通过 ${count} 份…` : `审核通过所选 ${count} 份`}
      </ActionButton>
    </View>
  );
}
