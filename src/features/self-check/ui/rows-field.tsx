import { Text, View } from '@tarojs/components';
import type { Option } from '../questions';
import { UNSURE } from './choice-list';
import './question.scss';

/** One labelled row of chips per item (each year's appraisal), "不确定" included. */
export function RowsField({
  rows,
  options,
  read,
  onChange,
}: {
  rows: readonly { key: string; label: string }[];
  options: readonly Option[];
  read: (key: string) => string | undefined;
  onChange: (key: string, value: string | undefined) => void;
}) {
  const all = [...options, { value: UNSURE, label: '不确定' }];
  return (
    <View className='rows'>
      {rows.map((row) => {
        const current = read(row.key) ?? UNSURE;
        return (
          <View key={row.key} className='rows__row' role='radiogroup' aria-label={row.label}>
            <Text className='rows__label'>{row.label}</Text>
            <View className='rows__chips'>
              {all.map((option) => (
                <View
                  key={option.value}
                  className={`chip ${option.value === current ? 'chip--on' : ''}`}
                  role='radio'
                  aria-checked={option.value === current}
                  aria-label={`${row.label}${option.label}`}
                  onClick={() => onChange(row.key, option.value === UNSURE ? undefined : option.value)}
                >
                  {option.label}
                </View>
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
}
