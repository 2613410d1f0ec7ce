import { Text, View } from '@tarojs/components';
import type { ChecklistItem } from '../../core/eligibility/assessment';
import { MASK_LABELS } from '../../core/eligibility/labels';
import type { MaskItem, Source } from '../../core/round/round.schema';
import { ClauseLink } from '../clause/clause-link';
import './index.scss';

/** Uploads first, then what is typed in, then the paper copies handed in after formal review. */
const groups: readonly { title: string; test: (m: ChecklistItem) => boolean }[] = [
  { title: '网上上传', test: (m) => m.stage === 'online' && m.form === 'upload' },
  { title: '网上填写', test: (m) => m.stage === 'online' && m.form === 'field' },
  { title: '纸质材料（通过形式审核后报送）', test: (m) => m.stage === 'paper' },
];

const sameSet = (a: readonly MaskItem[], b: readonly MaskItem[]) => a.length === b.length && a.every((m) => b.includes(m));
const names = (items: readonly MaskItem[]) => items.map((m) => MASK_LABELS[m]).join('、');

/**
 * The materials, each once: what every uploaded page must mask is said once at the top; an item says
 * only what differs for it (the 1-inch photo: the eyes only).
 */
export function MaterialsList({
  materials,
  maskEverywhere,
  onClause,
}: {
  materials: readonly ChecklistItem[];
  maskEverywhere: readonly MaskItem[];
  /** Given: each item also says its format, the notice's instructions and its clause (the application's list). */
  onClause?: (source: Source) => void;
}) {
  return (
    <View className='materials'>
      {maskEverywhere.length > 0 ? (
        <Text className='materials__mask-all'>盲评：每张上传的图片，都要遮挡其中出现的{names(maskEverywhere)}；不要遮挡他人姓名，不要大面积遮挡。</Text>
      ) : null}
      {groups.map((group) => {
        const items = materials.filter(group.test);
        if (items.length === 0) return null;
        return (
          <View key={group.title} className='materials__group'>
            <Text className='materials__group-title'>
              {group.title}（{items.filter((m) => m.need === 'required').length} 项必备）
            </Text>
            {items.map((m) => (
              <View key={m.code} className='material'>
                <Text className='material__name'>
                  {m.name}
                  {m.need === 'if_any' ? '（如有）' : m.need === 'per_conditions' ? '（按条件要求）' : ''}
                </Text>
                {m.condition ? <Text className='material__condition'>{m.condition}</Text> : null}
                {m.form === 'upload' && m.stage === 'online' && maskEverywhere.length > 0 && !sameSet(m.mask, maskEverywhere) ? (
                  <Text className='material__mask'>{m.mask.length > 0 ? `这一项遮挡：${names(m.mask)}` : '这一项不需要遮挡'}</Text>
                ) : null}
                {onClause && m.formats.length > 0 ? <Text className='material__detail'>格式：{m.formats.map((f) => f.toUpperCase()).join(' 或 ')}</Text> : null}
                {onClause && m.note ? <Text className='material__detail'>{m.note}</Text> : null}
                {onClause ? <ClauseLink source={m.source} onClause={onClause} /> : null}
              </View>
            ))}
          </View>
        );
      })}
    </View>
  );
}
