import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ErrorView, LoadingView } from '../../components/status-view';
import type { PoolExpert } from '../../core/contracts/evaluation';
import type { ExpertChoice } from '../../core/evaluation/expert-draw';
import { MEETING_MIN_EXPERTS } from '../../core/evaluation/expert-draw';
import type { AppError } from '../../core/errors';
import { call } from '../../services/api/client';
import { ChoiceRow } from './choice-row';
import './committee.scss';
import '../../services/api/staff-contracts';

const WAYS = [
  { value: 'hand', text: '手动选择' },
  { value: 'draw', text: '随机抽取' },
] as const;

/**
 * The meeting's experts from the round's pool (专家库): ticked by hand, or a number drawn at random
 * by the server (its seed kept with the meeting, so the draw can be checked). Tells the page the
 * choice as it stands.
 */
export function ExpertPicker({ roundId, onChange }: { roundId: string; onChange: (choice: ExpertChoice) => void }) {
  const [pool, setPool] = useState<readonly PoolExpert[] | null>(null);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [way, setWay] = useState<'hand' | 'draw'>('draw');
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [count, setCount] = useState(MEETING_MIN_EXPERTS);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setPool(null);
    setProblem(null);
    void call('committee', 'expertPool', { roundId }).then((answer) => {
      if (answer.ok) {
        setPool(answer.value);
        const drawn = Math.min(answer.value.length, Math.max(MEETING_MIN_EXPERTS, 5));
        setPicked([]);
        setCount(drawn);
        onChange(way === 'hand' ? { kind: 'hand', expertIds: [] } : { kind: 'draw', count: drawn });
      } else setProblem(answer.error);
    });
    // A new round (or a retry) loads its pool; the way chosen stays.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roundId, attempt]);

  /** Changes the choice and tells the page what it now is. */
  function choose(next: { way?: 'hand' | 'draw'; picked?: readonly string[]; count?: number }) {
    const w = next.way ?? way;
    const p = next.picked ?? picked;
    const c = next.count ?? count;
    setWay(w);
    setPicked(p);
    setCount(c);
    onChange(w === 'hand' ? { kind: 'hand', expertIds: p } : { kind: 'draw', count: c });
  }

  if (problem) return <ErrorView error={problem} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!pool) return <LoadingView label='正在读取专家库…' />;
  return (
    <View className='expert-picker'>
      <Text className='session-form__label'>评审专家（本批次专家库共 {pool.length} 位，至少 {MEETING_MIN_EXPERTS} 位）</Text>
      <ChoiceRow label='评审专家的产生方式' options={WAYS} value={way} onPick={(w) => choose({ way: w })} />
      {way === 'draw' ? (
        <View className='expert-picker__count'>
          <ActionButton tone='light' disabled={count <= MEETING_MIN_EXPERTS} onTap={() => choose({ count: count - 1 })}>
            少一位
          </ActionButton>
          <Text className='committee__line' aria-live='polite'>
            抽取 {count} 位
          </Text>
          <ActionButton tone='light' disabled={count >= pool.length} onTap={() => choose({ count: count + 1 })}>
            多一位
          </ActionButton>
        </View>
      ) : (
        pool.map((e) => {
          const on = picked.includes(e.id);
          return (
            <View
              key={e.id}
              className={`expert-picker__expert ${on ? 'expert-picker__expert--on' : ''}`}
              role='checkbox'
              aria-checked={on}
              aria-label={`${e.name}${e.note ? `，${e.note}` : ''}`}
              onClick={() => choose({ picked: on ? picked.filter((x) => x !== e.id) : [...picked, e.id] })}
            >
              <Text className='committee__name'>
                {on ? '☑' : '☐'} {e.name}
              </Text>
              {e.note ? <Text className='committee__meta'>{e.note}</Text> : null}
            </View>
          );
        })
      )}
      <Text className='committee__note'>
        {way === 'draw' ? '点“安排评审会”时由系统随机抽取，抽取种子记入评审会，可复核。' : `已选 ${picked.length} 位。`}
      </Text>
    </View>
  );
}
