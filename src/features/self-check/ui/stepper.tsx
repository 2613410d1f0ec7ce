import { Text, View } from '@tarojs/components';
import './question.scss';

/** − value + with large buttons: easier than a wheel picker for a thumb, and the same everywhere. */
export function Stepper({
  label,
  value,
  unit,
  min,
  max,
  step = 1,
  onChange,
}: {
  label: string;
  value: number;
  unit: string;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
}) {
  const set = (next: number) => onChange(Math.min(max, Math.max(min, next)));
  return (
    <View className='stepper' aria-label={label}>
      <Text className='stepper__label'>{label}</Text>
      <View className='stepper__controls'>
        <View
          className={`stepper__button ${value <= min ? 'stepper__button--off' : ''}`}
          hoverClass='stepper__button--pressed'
          role='button'
          aria-label={`${label}减少`}
          onClick={() => set(value - step)}
        >
          −
        </View>
        <Text className='stepper__value'>
          {value}
          <Text className='stepper__unit'>{unit}</Text>
        </Text>
        <View
          className={`stepper__button ${value >= max ? 'stepper__button--off' : ''}`}
          hoverClass='stepper__button--pressed'
          role='button'
          aria-label={`${label}增加`}
          onClick={() => set(value + step)}
        >
          +
        </View>
      </View>
    </View>
  );
}
