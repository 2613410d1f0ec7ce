import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ProblemAlert } from '../../components/problem-alert';
import type { AppError } from '../../core/errors';
import type { DraftView } from '../../core/contracts/api';
import { EDUCATION_LABELS, EMPLOYMENT_KIND_LABELS, LEVEL_LABELS } from '../../core/eligibility/labels';
import type { TestPersonInput } from '../../core/workshop/test-people';

const EDUCATIONS = ['junior_college', 'bachelor', 'master', 'secondary_vocational', 'doctorate'] as const;
const LEVELS = ['none', 'junior_assistant', 'intermediate', 'deputy_senior'] as const;
const KINDS = ['institution', 'state_enterprise', 'private_enterprise'] as const;

function Chips<T extends string>({ options, value, label, onChange }: { options: readonly T[]; value: T; label: (v: T) => string; onChange: (v: T) => void }) {
  return (
    <View className='workshop__chips'>
      {options.map((o) => (
        <View key={o} className={`workshop__chip ${o === value ? 'workshop__chip--on' : ''}`} role='radio' aria-checked={o === value} onClick={() => onChange(o)}>
          <Text>{label(o)}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 预览: the issuer's test people, each a few answers, and their verdicts under the draft beside the
 * published version's, what changed marked.
 */
export function PreviewPanel({ draft, locked, busy, error, onChange }: { draft: DraftView; locked: boolean; busy: string | null; error: AppError | null; onChange: (payload: { add?: TestPersonInput; removeId?: string }) => void }) {
  const [adding, setAdding] = useState(false);
  const [person, setPerson] = useState<TestPersonInput>({
    name: '',
    education: 'bachelor',
    graduated: '2015-07',
    workingSince: '2015-08',
    currentLevel: 'intermediate',
    titleSince: '2020-12',
    specialty: draft.specialties[0]?.code ?? '',
    employmentKind: 'institution',
  });
  const set = (patch: Partial<TestPersonInput>) => setPerson({ ...person, ...patch });
  // A round begun from nothing has no earlier version to compare with.
  const compare = draft.basedOn !== null;
  return (
    <View>
      <Text className='workshop__section'>预览：测试人员的自测结果</Text>
      <View className='workshop__card'>
        {draft.testPeople.length === 0 ? <Text className='workshop__note'>添加几位测试人员（几项回答即可），看看按本草稿{compare ? '和按上一版本' : ''}，他们各能申报什么。</Text> : null}
        {draft.preview.map((p) => (
          <View key={p.personId} className='workshop__person'>
            <Text className='workshop__label'>
              {p.name}
              {!compare ? '' : p.changes > 0 ? ` · ${p.changes} 项有变化` : ' · 与上一版本相同'}
            </Text>
            <Text className='workshop__note'>{draft.testPeople.find((t) => t.id === p.personId)?.line}</Text>
            {p.lines.map((l) => (
              <View key={l.key} className={`workshop__verdict ${compare && l.changed ? 'workshop__verdict--changed' : ''}`}>
                <Text className='workshop__note'>{l.label}</Text>
                <Text className='workshop__value'>
                  草稿：{l.draft ?? '本草稿不设'}
                  {compare && l.changed ? `（上一版本：${l.published ?? '不设'}）` : ''}
                </Text>
                {l.why && ((compare && l.changed) || !compare || l.draft?.startsWith('不能')) ? <Text className='workshop__note'>{l.why}</Text> : null}
              </View>
            ))}
            {!locked ? (
              <ActionButton tone='plain' disabled={busy !== null} onTap={() => onChange({ removeId: p.personId })}>
                移除{p.name}
              </ActionButton>
            ) : null}
          </View>
        ))}
        {draft.testPeople.length > 0 && draft.preview.length === 0 ? <Text className='workshop__note'>草稿还有待处理的检查项，处理后显示预览。</Text> : null}
        {error ? <ProblemAlert problem={error} /> : null}
        {!locked && adding ? (
          <View className='workshop__editor'>
            <Input className='workshop__input' value={person.name} placeholder='称呼，如：测试-本科工程师' aria-label='测试人员称呼' onInput={(e) => set({ name: e.detail.value })} />
            <Text className='workshop__label'>最高学历</Text>
            <Chips options={EDUCATIONS} value={person.education} label={(v) => EDUCATION_LABELS[v]} onChange={(education) => set({ education })} />
            <View className='workshop__pair'>
              <Input className='workshop__input' value={person.graduated} placeholder='毕业年月，如 2015-07' aria-label='毕业年月' onInput={(e) => set({ graduated: e.detail.value.trim() })} />
              <Input className='workshop__input' value={person.workingSince} placeholder='参加专业技术工作年月' aria-label='参加专业技术工作年月' onInput={(e) => set({ workingSince: e.detail.value.trim() })} />
            </View>
            <Text className='workshop__label'>现任职称</Text>
            <Chips options={LEVELS} value={person.currentLevel} label={(v) => (v === 'none' ? '无' : LEVEL_LABELS[v])} onChange={(currentLevel) => set({ currentLevel, titleSince: currentLevel === 'none' ? null : (person.titleSince ?? '2020-12') })} />
            {person.currentLevel !== 'none' ? (
              <Input className='workshop__input' value={person.titleSince ?? ''} placeholder='取得现职称年月，如 2020-12' aria-label='取得现职称年月' onInput={(e) => set({ titleSince: e.detail.value.trim() })} />
            ) : null}
            <Text className='workshop__label'>单位性质</Text>
            <Chips options={KINDS} value={person.employmentKind as (typeof KINDS)[number]} label={(v) => EMPLOYMENT_KIND_LABELS[v]} onChange={(employmentKind) => set({ employmentKind })} />
            {draft.specialties.length > 1 ? (
              <View>
                <Text className='workshop__label'>申报专业</Text>
                <Chips options={draft.specialties.map((s) => s.code)} value={person.specialty} label={(v) => draft.specialties.find((s) => s.code === v)?.name ?? v} onChange={(specialty) => set({ specialty })} />
              </View>
            ) : null}
            <View className='workshop__actions'>
              <ActionButton disabled={busy !== null || person.name.trim() === ''} onTap={() => onChange({ add: person })}>
                {busy === 'people' ? '正在添加…' : '添加并预览'}
              </ActionButton>
              <ActionButton tone='light' onTap={() => setAdding(false)}>
                收起
              </ActionButton>
            </View>
          </View>
        ) : !locked ? (
          <ActionButton tone='light' onTap={() => setAdding(true)}>
            添加测试人员
          </ActionButton>
        ) : null}
      </View>
    </View>
  );
}
