import { Text, View } from '@tarojs/components';
import type { Option } from '../questions';
import './question.scss';

export const UNSURE = '__unsure__';

/** Big tappable rows, one per option, with "不确定" last and set apart. */
export function ChoiceList({
  options,
  selected,
  onSelect,
  allowUnsure = true,
}: {
  options: readonly Option[];
  selected: string | undefined;
  onSelect: (value: string) => void;
  allowUnsure?: boolean;
}) {
  const all = allowUnsure ? [...options, { value: UNSURE, label: '不确定' }] : options;
  return (
    <View className='choice-list' role='radiogroup'>
      {all.map((option) => (
        <ChoiceRow key={option.value} option={option} selected={option.value === selected} onSelect={onSelect} />
      ))}
    </View>
  );
}

/** One option: the whole row is the touch target. */
export function ChoiceRow({ option, selected, onSelect }: { option: Option; selected: boolean; onSelect: (value: string) => void }) {
  return (
    <View
      className={`choice ${selected ? 'choice--selected' : ''} ${option.value === UNSURE ? 'choice--unsure' : ''}`}
      hoverClass='choice--pressed'
      role='radio'
      aria-checked={selected}
      aria-label={option.label}
      onClick={() => onSelect(option.value)}
    >
      <View className='choice__text'>
        <Text className='choice__label'>{option.label}</Text>
        {option.hint ? <Text className='choice__hint'>{option.hint}</Text> : null}
      </View>
      <View className={`choice__mark ${selected ? 'choice__mark--on' : ''}`} />
    </View>
  );
}
