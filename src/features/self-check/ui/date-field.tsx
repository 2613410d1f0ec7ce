import { View } from '@tarojs/components';
import { Stepper } from './stepper';

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date (YYYY-MM-DD) as year, month and day steppers. */
export function DateField({ value, maxYear, onChange }: { value: string; maxYear: number; onChange: (value: string) => void }) {
  const [year = maxYear, month = 1, day = 1] = value.split('-').map(Number);
  const emit = (y: number, m: number, d: number) => onChange(`${y}-${pad(m)}-${pad(Math.min(d, daysIn(y, m)))}`);
  return (
    <View className='date-field'>
      <Stepper label='年' unit='年' value={year} min={1960} max={maxYear} onChange={(y) => emit(y, month, day)} />
      <Stepper label='月' unit='月' value={month} min={1} max={12} onChange={(m) => emit(year, m, day)} />
      <Stepper label='日' unit='日' value={day} min={1} max={daysIn(year, month)} onChange={(d) => emit(year, month, d)} />
    </View>
  );
}
