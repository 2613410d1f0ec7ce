import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { NumberField } from './number-field';
import './question.scss';

type Hours = { publicHours?: number; professionalHours?: number };

/** A year's hours are at most this many: more is a typing slip, said so rather than kept. */
const HOURS_RULE = { min: 0, max: 1000, decimals: true, unit: '学时' } as const;

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
  const [bad, setBad] = useState<ReadonlySet<string>>(new Set());
  const mark = (key: string, valid: boolean) => {
    const next = new Set(bad);
    if (valid) next.delete(key);
    else next.add(key);
    setBad(next);
    onValidity(next.size === 0);
  };
  return (
    <View className='hours'>
      {years.map((year) => {
        const hours = read(year);
        return (
          <View key={year} className='hours__year-block'>
            <Text className='hours__year'>{year}年</Text>
            <View className='hours__pair'>
              <View className='hours__cell'>
                <Text className='hours__label'>公需科目</Text>
                <NumberField
                  label={`${year}年公需科目学时`}
                  value={hours.publicHours}
                  rule={HOURS_RULE}
                  onChange={(v) => onChange(year, { ...read(year), publicHours: v })}
                  onValidity={(valid) => mark(`${year}-public`, valid)}
                />
              </View>
              <View className='hours__cell'>
                <Text className='hours__label'>专业科目</Text>
                <NumberField
                  label={`${year}年专业科目学时`}
                  value={hours.professionalHours}
                  rule={HOURS_RULE}
                  onChange={(v) => onChange(year, { ...read(year), professionalHours: v })}
                  onValidity={(valid) => mark(`${year}-professional`, valid)}
                />
              </View>
            </View>
          </View>
        );
      })}
    </View>
  );
}
