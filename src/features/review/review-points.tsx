import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ClauseLink } from '../../components/clause/clause-link';
import type { Source } from '../../core/round/round.schema';
import './review.scss';

/**
 * What the notice asks the unit to check before recommending (aksu-water-2024 四(二)22: 重点审核…), as a
 * checklist the unit admin ticks while reading the materials ("谁审查谁负责").
 */
export function ReviewPoints({ items, source, onClause }: { items: readonly string[]; source: Source; onClause: (source: Source) => void }) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const toggle = (item: string) => setChecked((was) => (was.has(item) ? new Set([...was].filter((i) => i !== item)) : new Set([...was, item])));
  return (
    <View className='review__card'>
      <Text className='review__heading'>审核要点（已核对 {checked.size} / {items.length}）</Text>
      <Text className='review__note'>通知要求重点审核以下内容，逐项核对后再推荐。</Text>
      <View className='reason-form__kinds'>
        {items.map((item) => (
          <View key={item} className={`chip ${checked.has(item) ? 'chip--on' : ''}`} role='checkbox' aria-checked={checked.has(item)} onClick={() => toggle(item)}>
            {checked.has(item) ? `✓ ${item}` : item}
          </View>
        ))}
      </View>
      <ClauseLink source={source} onClause={onClause} />
    </View>
  );
}
