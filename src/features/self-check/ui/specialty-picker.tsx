import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Option } from '../questions';
import { ChoiceRow, UNSURE } from './choice-list';
import './question.scss';

/**
 * Every series and specialty the notice lists, grouped by series, with a search: 农艺 is found by
 * typing 农, not by scrolling 43 rows. "不确定" stays last.
 */
export function SpecialtyPicker({
  groups,
  selected,
  onSelect,
}: {
  groups: readonly { title: string; options: readonly Option[] }[];
  selected: string | undefined;
  onSelect: (value: string) => void;
}) {
  const [query, setQuery] = useState('');
  const q = query.trim();
  const shown = groups
    .map((g) => ({ ...g, options: q === '' || g.title.includes(q) ? g.options : g.options.filter((o) => o.label.includes(q)) }))
    .filter((g) => g.options.length > 0);
  return (
    <View className='specialty'>
      <Input className='specialty__search' type='text' placeholder='搜索专业，例如：农艺' aria-label='搜索专业' value={query} onInput={(e) => setQuery(e.detail.value)} />
      {shown.length === 0 ? <Text className='specialty__empty'>没有找到“{q}”，请换个说法，或在下面选“不确定”。</Text> : null}
      {shown.map((group) => (
        <View key={group.title} className='specialty__group'>
          <Text className='specialty__series'>{group.title}</Text>
          <View className='choice-list' role='radiogroup' aria-label={group.title}>
            {group.options.map((option) => (
              <ChoiceRow key={option.value} option={option} selected={option.value === selected} onSelect={onSelect} />
            ))}
          </View>
        </View>
      ))}
      <View className='choice-list specialty__unsure'>
        <ChoiceRow option={{ value: UNSURE, label: '不确定' }} selected={false} onSelect={onSelect} />
      </View>
    </View>
  );
}
