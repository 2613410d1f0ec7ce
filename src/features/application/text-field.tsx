import { Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { essayLength } from '../../core/application/essay';
import type { ChecklistItem } from '../../core/eligibility/assessment';
import { ActionButton } from '../../components/action-button';
import './application.scss';
import './apply-only.scss';

/**
 * One text typed into the form (二级专业, the work summary …): the notice's instructions, a text
 * area with its length counted as the notice counts it (and the round's limit), and 保存.
 * Blocking findings (own name, unit, empty, length) are listed with the submission.
 */
export function TextField({
  item,
  title = item.name,
  value,
  saving,
  onSave,
}: {
  item: ChecklistItem;
  /** What the card is called, when not the item's name (the summary's text beside its upload). */
  title?: string;
  value: string;
  saving: boolean;
  onSave: (text: string) => void;
}) {
  const [text, setText] = useState(value);
  // A one-tap fix or a reload changes the saved text: show it.
  useEffect(() => setText(value), [value]);
  const changed = text !== value;
  const length = essayLength(text);
  const { minChars, maxChars } = item.textLength ?? {};
  const limit = minChars && maxChars ? `${minChars}—${maxChars}字` : minChars ? `不少于${minChars}字` : maxChars ? `不超过${maxChars}字` : null;
  const outside = text.trim() !== '' && ((minChars !== undefined && length < minChars) || (maxChars !== undefined && length > maxChars));
  return (
    <View className='upload' id={`text-${item.code}`}>
      <View className='upload__head'>
        <Text className='upload__name'>{title}</Text>
        <Text className={`upload__need upload__need--${item.need}`}>{item.need === 'required' ? '必填' : '如有'}</Text>
      </View>
      {item.note ? <Text className='upload__note'>{item.note}</Text> : null}
      <Textarea
        className='text-field__area'
        value={text}
        maxlength={20000}
        autoHeight
        placeholder='没有内容请填“无”；单位写 xxx 或本单位，本人写“本人”。'
        aria-label={title}
        onInput={(e) => setText(e.detail.value)}
      />
      <Text className={`upload__note ${outside ? 'text-field__count--outside' : ''}`}>
        {length} 字{limit ? `（通知要求${limit}）` : ''}
      </Text>
      <ActionButton className='upload__add' tone='light' disabled={!changed || saving} onTap={() => onSave(text)}>
        {saving ? '正在保存…' : changed ? '保存' : '已保存'}
      </ActionButton>
    </View>
  );
}
