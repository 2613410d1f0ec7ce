import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ProblemAlert } from '../../components/problem-alert';
import { CONFLICT_KIND_TEXT, MAX_DECLARED_CONFLICTS, type DeclaredConflict } from '../../core/application/conflicts';
import type { AppError } from '../../core/errors';
import type { Result } from '../../core/result';
import './application.scss';
import './apply-only.scss';

const KINDS = (['person', 'unit'] as const).map((value) => ({ value, text: CONFLICT_KIND_TEXT[value] }));

/**
 * 申请回避, optional, before submitting: a person who should not evaluate the applicant (近亲属, a
 * rival in the same project) or a unit whose experts should not. The committee's secretary sees the
 * experts it names proposed for recusal and decides; experts never see it. Read-only once submitted.
 */
export function ConflictsForm({ conflicts, editable, onSave }: { conflicts: readonly DeclaredConflict[]; editable: boolean; onSave: (conflicts: DeclaredConflict[]) => Promise<Result<unknown, AppError>> }) {
  const [adding, setAdding] = useState(false);
  const [kind, setKind] = useState<DeclaredConflict['kind']>('person');
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);
  if (!editable && conflicts.length === 0) return null;

  async function save(next: DeclaredConflict[]): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setProblem(null);
    const result = await onSave(next);
    setBusy(false);
    if (!result.ok) setProblem(result.error);
    return result.ok;
  }

  return (
    <View className='application__card conflicts'>
      <Text className='application__heading'>申请回避（可选）</Text>
      <Text className='application__next'>
        {editable ? '评审专家中如有您的近亲属或其他可能影响公正的人，或某单位的专家不宜评审您，可在提交前写明理由；评审委员会核实后安排回避。专家看不到这里的内容。' : '您提交时申请的回避，评审委员会核实后安排：'}
      </Text>
      {conflicts.map((c, i) => (
        <View key={`${c.kind}-${c.name}`} className='conflicts__row'>
          <Text className='application__line'>
            {CONFLICT_KIND_TEXT[c.kind]}：{c.name}（{c.reason}）
          </Text>
          {editable ? (
            <ActionButton tone='plain' disabled={busy} onTap={() => void save(conflicts.filter((_, j) => j !== i))}>
              {`删除“${c.name}”`}
            </ActionButton>
          ) : null}
        </View>
      ))}
      {editable && adding ? (
        <View className='entry-editor'>
          <View className='choice-field' role='radiogroup' aria-label='回避的是'>
            {KINDS.map((k) => (
              <View key={k.value} className={`chip ${kind === k.value ? 'chip--on' : ''}`} role='radio' aria-checked={kind === k.value} aria-label={`回避的是：${k.text}`} onClick={() => setKind(k.value)}>
                {k.text}
              </View>
            ))}
          </View>
          <Input className='entry-editor__input' value={name} maxlength={60} placeholder={kind === 'person' ? '姓名' : '单位全称'} aria-label={kind === 'person' ? '回避人员的姓名' : '回避单位的名称'} onInput={(e) => setName(e.detail.value)} />
          <Input className='entry-editor__input' value={reason} maxlength={100} placeholder='理由，如：近亲属、同一项目组' aria-label='回避理由' onInput={(e) => setReason(e.detail.value)} />
          <View className='entry-editor__actions'>
            <ActionButton
              disabled={busy}
              onTap={() =>
                void save([...conflicts, { kind, name, reason }]).then((ok) => {
                  if (!ok) return;
                  setAdding(false);
                  setName('');
                  setReason('');
                })
              }
            >
              {busy ? '正在保存…' : '保存回避申请'}
            </ActionButton>
            <ActionButton tone='plain' disabled={busy} onTap={() => setAdding(false)}>
              取消
            </ActionButton>
          </View>
        </View>
      ) : editable && conflicts.length < MAX_DECLARED_CONFLICTS ? (
        <ActionButton tone='light' onTap={() => setAdding(true)}>
          添加回避申请
        </ActionButton>
      ) : null}
      {problem ? <ProblemAlert problem={problem} /> : null}
    </View>
  );
}
