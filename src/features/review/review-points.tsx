import { Text, View } from '@tarojs/components';
import { ClauseLink } from '../../components/clause/clause-link';
import type { ReviewView } from '../../core/contracts/api';
import type { Source } from '../../core/round/round.schema';
import { formatBeijingDate } from '../../core/time/format';
import './review.scss';

/**
 * What the notice asks reviewers to check before approving (aksu-water-2024 四(二)22: 重点审核…),
 * as a checklist ticked while reading the materials and kept with the approval ("谁审查谁负责");
 * what earlier reviewers ticked is shown under it. `checked` null: the caller only reads.
 */
export function ReviewPoints({
  items,
  source,
  onClause,
  checked,
  onChange,
  earlier,
}: {
  items: readonly string[];
  source: Source;
  onClause: (source: Source) => void;
  checked: ReadonlySet<string> | null;
  onChange: (checked: ReadonlySet<string>) => void;
  earlier: ReviewView['pointsChecked'];
}) {
  const toggle = (item: string) => {
    if (!checked) return;
    onChange(checked.has(item) ? new Set([...checked].filter((i) => i !== item)) : new Set([...checked, item]));
  };
  return (
    <View className='review__card'>
      <Text className='review__heading'>{checked ? `审核要点（已核对 ${checked.size} / ${items.length}）` : '审核要点'}</Text>
      {checked ? <Text className='review__note'>通知要求重点审核以下内容，逐项核对后勾选；勾选随审核意见一并记录。</Text> : null}
      {checked ? (
        <View className='reason-form__kinds'>
          {items.map((item) => (
            <View key={item} className={`chip ${checked.has(item) ? 'chip--on' : ''}`} role='checkbox' aria-checked={checked.has(item)} onClick={() => toggle(item)}>
              {checked.has(item) ? `✓ ${item}` : item}
            </View>
          ))}
        </View>
      ) : null}
      {earlier.map((e) => (
        <Text key={`${e.who}${e.at}`} className='review__note'>
          {e.who}（{formatBeijingDate(new Date(e.at))}）已核对：{e.points.join('、')}
          {e.points.length < items.length ? `；未勾选：${items.filter((i) => !e.points.includes(i)).join('、')}` : ''}
        </Text>
      ))}
      <ClauseLink source={source} onClause={onClause} />
    </View>
  );
}
