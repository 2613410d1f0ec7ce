import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import type { ReturnItem } from '../../core/application/return-items';
import './application.scss';
import './apply-only.scss';

/**
 * A returned material, marked where it is: the reason and who returned it, and how it stands —
 * changed since (修改过了), confirmed as already right with the applicant's word, or still to answer:
 * change the material above, or tap 已按意见处理 and say why.
 */
export function ReturnMark({ items, saving, onConfirm }: { items: readonly ReturnItem[]; saving: boolean; onConfirm: (note: string) => Promise<boolean> }) {
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  if (items.length === 0) return null;
  const state = items[0]!.state;
  return (
    <View className={`return-mark return-mark--${state}`} role='note'>
      {items.map((item) => (
        <Text key={`${item.reason}-${item.by}`} className='return-mark__reason'>
          {item.by}退回：{item.reason}
        </Text>
      ))}
      {state === 'changed' ? <Text className='return-mark__state'>✓ 已修改，重新提交后由{items[0]!.by}再看</Text> : null}
      {state === 'confirmed' ? <Text className='return-mark__state'>✓ 已按意见处理：{items[0]!.note}</Text> : null}
      {state === 'open' && !asking ? (
        <>
          <Text className='return-mark__todo'>请按意见修改这一项；已经符合要求的，点下面说明一下。</Text>
          <ActionButton tone='plain' onTap={() => setAsking(true)}>
            已按意见处理
          </ActionButton>
        </>
      ) : null}
      {state === 'open' && asking ? (
        <View className='return-mark__ask'>
          <Text className='return-mark__todo'>为什么不用改？（会给审核人看）</Text>
          <Input className='return-mark__input' value={note} maxlength={100} placeholder='如：原件本身如此，已请单位核对' aria-label='已按意见处理的说明' onInput={(e) => setNote(e.detail.value)} />
          <ActionButton
            tone='light'
            disabled={saving || note.trim().length < 2}
            onTap={() =>
              void onConfirm(note.trim()).then((done) => {
                if (done) setAsking(false);
              })
            }
          >
            {saving ? '正在保存…' : '确认已按意见处理'}
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}
