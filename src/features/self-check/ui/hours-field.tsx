import { Input, Text, View } from '@tarojs/components';
import './question.scss';

type Hours = { publicHours?: number; professionalHours?: number };

const parse = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) && n >= 0 ? Math.min(2000, Math.round(n)) : undefined;
};

/** Continuing-education hours per year: 公需科目 and 专业科目, each optional. */
export function HoursField({
  years,
  read,
  onChange,
}: {
  years: readonly number[];
  read: (year: number) => Hours;
  onChange: (year: number, hours: Hours) => void;
}) {
  return (
    <View className='hours'>
      <View className='hours__head'>
        <Text className='hours__year'>年度</Text>
        <Text className='hours__col'>公需科目</Text>
        <Text className='hours__col'>专业科目</Text>
      </View>
      {years.map((year) => {
        const hours = read(year);
        return (
          <View key={year} className='hours__row'>
            <Text className='hours__year'>{year}年</Text>
            <Input
              className='hours__input'
              type='number'
              placeholder='学时'
              aria-label={`${year}年公需科目学时`}
              value={hours.publicHours === undefined ? '' : String(hours.publicHours)}
              onInput={(e) => onChange(year, { ...hours, publicHours: parse(e.detail.value) })}
            />
            <Input
              className='hours__input'
              type='number'
              placeholder='学时'
              aria-label={`${year}年专业科目学时`}
              value={hours.professionalHours === undefined ? '' : String(hours.professionalHours)}
              onInput={(e) => onChange(year, { ...hours, professionalHours: parse(e.detail.value) })}
            />
          </View>
        );
      })}
    </View>
  );
}
