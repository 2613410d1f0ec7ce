import { Picker, Text, View } from '@tarojs/components';
import './index.scss';

const monthText = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

/**
 * A month (`YYYY-MM`), chosen with the platform's month picker (what WeChat users know). Unanswered, it shows
 * a suggestion the picker opens on, and says it is not yet chosen.
 */
export function MonthField({
  label = '',
  value,
  suggest,
  start,
  end,
  onChange,
}: {
  /** What the month is (开始时间), said to screen readers before the value. */
  label?: string;
  value: string | undefined;
  suggest: string;
  start: string;
  end: string;
  onChange: (month: string) => void;
}) {
  const shown = value ?? (suggest > end ? end : suggest);
  return (
    <Picker mode='date' fields='month' start={start} end={end} value={shown} onChange={(e) => onChange(String(e.detail.value).slice(0, 7))}>
      <View className='month-field' hoverClass='month-field--pressed' role='button' aria-label={`${label}${value ? `已选${monthText(value)}，点击修改` : '点击选择年月'}`}>
        <Text className={`month-field__value ${value ? '' : 'month-field__value--empty'}`}>{value ? monthText(value) : '请选择年月'}</Text>
        <Text className='month-field__action'>{value ? '修改' : '选择'}</Text>
      </View>
    </Picker>
  );
}
