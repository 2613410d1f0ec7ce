import { Text, View } from '@tarojs/components';
import type { ChecklistItem } from '../../core/eligibility/assessment';
import './application.scss';
import './apply-only.scss';

/**
 * A field the platform fills by choosing (是否援疆, 单位归属, 二级专业 …): the notice's options as
 * chips, one tap saves. Where the self-check already had the answer it starts chosen, and says so.
 */
export function ChoiceField({ item, value, saving, editable, onChoose }: { item: ChecklistItem; value: string; saving: boolean; editable: boolean; onChoose: (option: string) => void }) {
  const choices = item.choices!;
  return (
    <View className='upload' id={`text-${item.code}`}>
      <View className='upload__head'>
        <Text className='upload__name'>{item.name}</Text>
        <Text className={`upload__need upload__need--${item.need}`}>{item.need === 'required' ? '必选' : '如有'}</Text>
      </View>
      {item.note ? <Text className='upload__note'>{item.note}</Text> : null}
      <View className='choice-field' role='radiogroup' aria-label={item.name}>
        {choices.options.map((option) => (
          <View
            key={option}
            className={`chip ${value === option ? 'chip--on' : ''}`}
            role='radio'
            aria-checked={value === option}
            aria-disabled={!editable || saving}
            onClick={() => {
              if (editable && !saving && value !== option) onChoose(option);
            }}
          >
            {option}
          </View>
        ))}
      </View>
      {saving ? <Text className='upload__note'>正在保存…</Text> : null}
      {!saving && value !== '' && value === choices.suggested ? <Text className='upload__note'>按您资格自测时的回答选好了，请核对。</Text> : null}
    </View>
  );
}
