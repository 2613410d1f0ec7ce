import { View } from '@tarojs/components';
import './committee.scss';

/**
 * A row of mutually exclusive choices (通过 / 不通过; 同意 / 不同意 / 弃权), each a 44 px target; the
 * chosen one is marked for the eye and for screen readers. A tap on the chosen one does nothing.
 */
export function ChoiceRow<T extends string>({ label, options, value, disabled = false, onPick }: { label: string; options: readonly { value: T; text: string }[]; value: T | null; disabled?: boolean; onPick: (value: T) => void }) {
  return (
    <View className='choice-row' role='radiogroup' aria-label={label}>
      {options.map((o) => (
        <View
          key={o.value}
          className={`choice-row__option ${value === o.value ? 'choice-row__option--on' : ''} ${disabled ? 'choice-row__option--off' : ''}`}
          role='radio'
          aria-checked={value === o.value}
          aria-disabled={disabled}
          aria-label={`${label}：${o.text}`}
          onClick={() => {
            if (!disabled && value !== o.value) onPick(o.value);
          }}
        >
          {value === o.value ? `✓ ${o.text}` : o.text}
        </View>
      ))}
    </View>
  );
}
