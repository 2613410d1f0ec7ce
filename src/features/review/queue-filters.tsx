import { Picker, Text, View } from '@tarojs/components';
import type { Level } from '../../core/round/round.vocabulary';
import type { QueueView } from '../../core/contracts/api';
import './review.scss';

export interface QueueFilterValues {
  readonly roundId: string | null;
  readonly level: Level | null;
  readonly unitId: string | null;
  readonly returned: boolean | null;
}

export const NO_FILTERS: QueueFilterValues = { roundId: null, level: null, unitId: null, returned: null };

const RETURNED = [
  { value: null, label: '是否退回过：全部' },
  { value: true, label: '退回过' },
  { value: false, label: '未退回过' },
] as const;

/** One filter as a chip that opens the phone's picker: its choice shown, 全部… when none. */
function FilterChip<T>({ label, options, value, onChange }: { label: string; options: readonly { readonly value: T; readonly label: string }[]; value: T; onChange: (value: T) => void }) {
  const index = Math.max(0, options.findIndex((o) => o.value === value));
  const chosen = index > 0;
  return (
    <Picker mode='selector' range={options.map((o) => o.label)} value={index} onChange={(e) => onChange(options[Number(e.detail.value)]!.value)}>
      <View className={`chip queue__filter ${chosen ? 'chip--on' : ''}`} role='button' aria-label={`${label}：${options[index]!.label}，点击更换`}>
        {options[index]!.label} ▾
      </View>
    </Picker>
  );
}

/**
 * The queue's filters: round, level, unit (HR reviewers), ever returned; each a picker, the chosen
 * ones marked, and one tap clears them all.
 */
export function QueueFilters({ options, value, onChange }: { options: QueueView['options']; value: QueueFilterValues; onChange: (value: QueueFilterValues) => void }) {
  const active = Object.values(value).filter((v) => v !== null).length;
  return (
    <View className='queue__filters'>
      <FilterChip label='批次' options={[{ value: null, label: '全部批次' }, ...options.rounds.map((r) => ({ value: r.id as string | null, label: r.title }))]} value={value.roundId} onChange={(roundId) => onChange({ ...value, roundId })} />
      <FilterChip label='级别' options={[{ value: null, label: '全部级别' }, ...options.levels.map((l) => ({ value: l.level as Level | null, label: l.label }))]} value={value.level} onChange={(level) => onChange({ ...value, level })} />
      {options.units ? <FilterChip label='单位' options={[{ value: null, label: '全部单位' }, ...options.units.map((u) => ({ value: u.id as string | null, label: u.name }))]} value={value.unitId} onChange={(unitId) => onChange({ ...value, unitId })} /> : null}
      <FilterChip label='是否退回过' options={RETURNED} value={value.returned} onChange={(returned) => onChange({ ...value, returned })} />
      {active > 0 ? (
        <View className='chip queue__filter' role='button' onClick={() => onChange(NO_FILTERS)}>
          <Text>清除筛选（{active}）</Text>
        </View>
      ) : null}
    </View>
  );
}
