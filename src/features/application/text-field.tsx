import { Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { ChecklistItem } from '../../core/eligibility/assessment';
import { ActionButton } from '../../components/action-button';
import './application.scss';

/**
 * One thing typed into the form (工作经历, 业绩成果 …): the notice's instructions, a text area with
 * its length, and 保存. Blocking findings (own name, unit, empty) are listed with the submission.
 */
export function TextField({
  item,
  value,
  saving,
  onSave,
}: {
  item: ChecklistItem;
  value: string;
  saving: boolean;
  onSave: (text: string) => void;
}) {
  const [text, setText] = useState(value);
  // A one-tap fix or a reload changes the saved text: show it.
  useEffect(() => setText(value), [value]);
  const changed = text !== value;
  return (
    <View className='upload' id={`category-${item.code}`}>
      <View className='upload__head'>
        <Text className='upload__name'>{item.name}</Text>
        <Text className={`upload__need upload__need--${item.need}`}>{item.need === 'required' ? '必填' : '如有'}</Text>
      </View>
      {item.note ? <Text className='upload__note'>{item.note}</Text> : null}
      <Textarea
        className='text-field__area'
        value={text}
        maxlength={20000}
        autoHeight
        placeholder='没有内容请填“无”；单位写 xxx 或本单位，本人写“本人”。'
        aria-label={item.name}
        onInput={(e) => setText(e.detail.value)}
      />
      <Text className='upload__note'>{[...text].length} 字</Text>
      <ActionButton className='upload__add' tone='light' disabled={!changed || saving} onTap={() => onSave(text)}>
        {saving ? '正在保存…' : changed ? '保存' : '已保存'}
      </ActionButton>
    </View>
  );
}
