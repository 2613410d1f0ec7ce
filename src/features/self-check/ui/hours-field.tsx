import { Text, View } from '@tarojs/components';
import { useRef } from 'react';
import { NumberField } from './number-field';
import { HOURS_RULE } from '../answer-checks';
import './question.scss';

type Hours = { publicHours?: number; professionalHours?: number };

const KINDS = [
  { key: 'publicHours', label: '公需科目' },
  { key: 'professionalHours', label: '专业科目' },
] as const;

/** Continuing-education hours per year: 公需科目 and 专业科目, each optional, each checked. */
export function HoursField({
  years,
  read,
  onChange,
  onValidity,
}: {
  years: readonly number[];
  read: (year: number) => Hours;
  onChange: (year: number, hours: Hours) => void;
  onValidity: (valid: boolean) => void;
}) {
  // Which fields hold something that cannot be kept; a ref, so two quick edits never lose one.
  const bad = useRef(new Set<string>());
  const mark = (key: string, valid: boolean) => {
    if (valid) bad.current.delete(key);
    else bad.current.add(key);
    onValidity(bad.current.size === 0);
  };
  return (
    <View className='hours'>
      {years.map((year) => {
        const hours = read(year);
        return (
          <View key={year} className='hours__year-block'>
            <Text className='hours__year'>{year}年</Text>
            <View className='hours__pair'>
              {KINDS.map(({ key, label }) => (
                <View key={key} className='hours__cell'>
                  <Text className='hours__label'>{label}</Text>
                  <NumberField
                    label={`${year}年${label}学时`}
                    value={hours[key]}
                    rule={HOURS_RULE}
                    onChange={(v) => onChange(year, { ...read(year), [key]: v })}
                    onValidity={(valid) => mark(`${year}-${key}`, valid)}
                  />
                </View>
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
}
