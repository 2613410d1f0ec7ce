import { Text, Textarea, View } from '@tarojs/components';
import { openPage } from '../../../services/page/navigate';
import { useRouter } from '../../../services/page/lifecycle';
import { scrollToElement } from '../../../services/page/element';
import { useEffect, useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { Fold } from '../../../components/fold';
import { ProblemAlert } from '../../../components/problem-alert';
import type { AppError } from '../../../core/errors';
import { ErrorView, LoadingView } from '../../../components/status-view';
import { withSystemFont } from '../../../components/system-font';
import type { DraftView } from '../../../core/contracts/api';
import { CONFIRM } from '../../../core/review/confirmations';
import type { FieldEdit } from '../../../core/workshop/draft';
import type { DraftCandidateView, DraftFieldView } from '../../../core/workshop/draft.view';
import { call } from '../../../services/api/client';
import { useCall } from '../../../services/api/use-call';
import '../../../services/api/workshop-contracts';
import { confirm } from '../../../services/ui/dialogs';
import { PreviewPanel } from '../../../features/workshop/preview-panel';
import { Choice, FieldEditor } from '../../../features/workshop/field-editor';
import '../../../features/workshop/workshop.scss';

const anchor = (key: string) => `field-${key.replace(/[^A-Za-z0-9]/g, '-')}`;

/** The passage a candidate came from, with a little of the text around it, the passage marked. */
function Passage({ text, start, end }: { text: string; start: number; end: number }) {
  const before = text.slice(Math.max(0, start - 24), start).replace(/\s+/g, ' ');
  const after = text.slice(end, end + 24).replace(/\s+/g, ' ');
  return (
    <Text className='workshop__passage'>
      …{before}
      <Text className='workshop__mark'>{text.slice(start, end)}</Text>
      {after}…
    </Text>
  );
}

/**
 * 编制批次: one draft. The new notice pasted, what the finder found in it decided one by one
 * (采用 into the field shown, 修改后采用, or 忽略), the form by sections with each field's clause, the checks
 * before publishing (a tap opens the field), the test people's preview, and publishing.
 */
function Draft() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const loaded = useCall('rounds', 'draft', { draftId: id });
  const [draft, setDraft] = useState<DraftView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Readonly<Record<string, AppError | null>>>({});
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [changeNote, setChangeNote] = useState('');
  const [toAll, setToAll] = useState(false);
  const [published, setPublished] = useState<{ roundId: string; version: number; told: number; toTell: number } | null>(null);
  const first = loaded.status === 'ready' ? loaded.data : null;
  useEffect(() => {
    if (first) setDraft(first);
  }, [first]);
  if (loaded.status === 'error') return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  if (!draft) return <LoadingView label='正在读取试编批次…' />;

  /** One request at a time; its refusal shown where it was asked (`where`). */
  async function act(where: string, run: () => ReturnType<typeof call<'rounds', 'draft'>>) {
    if (busy) return false;
    setBusy(where);
    const result = await run();
    setBusy(null);
    if (result.ok) {
      setDraft(result.value);
      setErrors({ ...errors, [where]: null });
      return true;
    }
    setErrors({ ...errors, [where]: result.error });
    return false;
  }
  const decide = (c: DraftCandidateView, decision: 'accept' | 'dismiss', target?: string, corrected?: FieldEdit) =>
    act(c.id, () => call('rounds', 'draftDecide', { draftId: draft.id, candidateId: c.id, decision, ...(target ? { target } : {}), ...(corrected ? { edit: corrected } : {}) }));
  const save = async (key: string, edit: FieldEdit) => {
    if (await act(key, () => call('rounds', 'draftEdit', { draftId: draft.id, edit }))) setEditing(null);
  };

  async function publish() {
    if (busy || !draft) return;
    if (!(await confirm(CONFIRM.publishRound(draft.title, draft.version, draft.applications > 0)))) return;
    setBusy('publish');
    const result = await call('rounds', 'publish', { draftId: draft.id, ...(draft.kind === 'correction' ? { changeNote, appliesToAll: toAll } : {}) });
    setBusy(null);
    if (result.ok) setPublished(result.value);
    else setErrors({ ...errors, publish: result.error });
  }

  const pending = draft.candidates.filter((c) => c.decision === 'pending');
  const decided = draft.candidates.filter((c) => c.decision !== 'pending');
  const locked = draft.status === 'published' || published !== null;
  const field = (f: DraftFieldView) => (
    <View key={f.key} id={anchor(f.key)} className={`workshop__field ${f.toFill ? 'workshop__field--todo' : ''}`}>
      <View className='workshop__field-head'>
        <Text className='workshop__label'>{f.label}</Text>
        {f.toFill ? <Text className='workshop__badge'>待填写</Text> : null}
      </View>
      <Text className='workshop__value'>{f.toFill ? '（按新通知填写）' : f.value}</Text>
      {draft.checks
        .filter((c) => c.target === f.key && !f.toFill && !c.carried)
        .map((c) => (
          <Text key={c.message} className='workshop__check-text'>
            {c.message}
          </Text>
        ))}
      <Text className='workshop__clause'>
        {f.clause
          ? `依据：${f.clause.replace(/\s+/g, ' ')}`
          : f.byHand
            ? '人工填写（没有引用通知原文）'
            : f.unchecked
              ? draft.basedOn
                ? '沿用上一版本，尚未与新通知核对'
                : '尚未与通知核对'
              : draft.basedOn
                ? '沿用上一版本，已核对与新通知一致'
                : '已核对'}
      </Text>
      {editing === f.key && f.edit ? (
        <FieldEditor edit={f.edit} label={f.label} busy={busy === f.key} error={errors[f.key] ?? null} onSave={(edit) => void save(f.key, edit)} onCancel={() => setEditing(null)} />
      ) : !locked ? (
        <View className='workshop__actions'>
          {f.unchecked ? (
            <ActionButton tone='plain' className='workshop__edit' disabled={busy !== null} onTap={() => void save(f.key, { field: 'confirm', key: f.key })}>
              {busy === f.key ? '正在保存…' : draft.basedOn ? '与新通知一致' : '与通知一致'}
            </ActionButton>
          ) : null}
          {f.edit?.field === 'feesNone' ? (
            <ActionButton tone='plain' className='workshop__edit' disabled={busy !== null} onTap={() => void save(f.key, { field: 'feesNone' })}>
              {busy === f.key ? '正在保存…' : '通知未规定收费（本批次不收费）'}
            </ActionButton>
          ) : f.edit ? (
            <ActionButton tone='plain' className='workshop__edit' onTap={() => setEditing(f.key)}>
              修改{f.label.length <= 12 ? f.label : ''}
            </ActionButton>
          ) : null}
          {f.removable ? (
            <ActionButton tone='plain' className='workshop__edit' disabled={busy !== null} onTap={() => void save(f.key, { field: 'remove', key: f.key })}>
              {busy === f.key ? '正在删除…' : '删除'}
            </ActionButton>
          ) : null}
          {(!f.edit || f.edit.field === 'feesNone' || f.unchecked) && editing !== f.key && errors[f.key] ? <ProblemAlert problem={errors[f.key]!} /> : null}
        </View>
      ) : null}
    </View>
  );
  const ADD_LABELS: Readonly<Record<string, string>> = { series: '添加系列', windows: '添加时间安排', fees: '添加收费', contacts: '添加联系方式', materials: '添加材料' };
  const section = (s: DraftView['sections'][number]) => {
    const key = `add:${s.id}`;
    return (
      <View key={s.id} id={anchor(`section:${s.id}`)}>
        <Text className='workshop__section'>{s.title}</Text>
        <View className='workshop__card'>
          {s.fields.map(field)}
          {s.fields.length === 0 && s.add ? <Text className='workshop__note'>还没有。按通知添加。</Text> : null}
          {s.note ? <Text className='workshop__note'>{s.note}</Text> : null}
          {s.add && !locked ? (
            editing === key ? (
              <FieldEditor edit={s.add} label={ADD_LABELS[s.id] ?? ''} busy={busy === key} error={errors[key] ?? null} onSave={(edit) => void save(key, edit)} onCancel={() => setEditing(null)} />
            ) : (
              <ActionButton tone='light' disabled={busy !== null} onTap={() => setEditing(key)}>
                {ADD_LABELS[s.id]}
              </ActionButton>
            )
          ) : null}
        </View>
      </View>
    );
  };

  return (
    <View className='workshop workshop--draft'>
      <View className='workshop__card'>
        <Text className='workshop__name'>{draft.title}</Text>
        <Text className='workshop__note'>
          {draft.kind === 'correction' ? `更正：将发布第 ${draft.version} 版` : draft.basedOn ? `由“${draft.basedOn.title}”复制` : '从空白开始'} · {locked ? '已发布' : draft.checks.length === 0 ? '检查已全部通过' : `还有 ${draft.checks.length} 项待处理`}
        </Text>
      </View>

      {published ? (
        <View className='workshop__card workshop__done' role='status'>
          <Text className='workshop__name'>已发布第 {published.version} 版</Text>
          <Text className='workshop__note'>申报人现在可以在首页看到这个批次并自测、申报。{published.told > 0 ? `已通知 ${published.told} 份申报的申报人${published.toTell > 0 ? `，其余 ${published.toTell} 份将在几分钟内陆续通知` : ''}。` : ''}</Text>
          <ActionButton onTap={() => void openPage(`/pages/round/index?id=${encodeURIComponent(published.roundId)}`)}>查看发布的批次</ActionButton>
        </View>
      ) : null}

      <View className='workshop__columns'>
        <View className='workshop__column'>
          <Text className='workshop__section'>通知原文</Text>
          {draft.noticeText === null || editing === 'notice' ? (
            <View id={anchor('notice')} className='workshop__card'>
              <Text className='workshop__note'>把新通知的全文粘贴在这里。系统会找出其中的日期、收费、电话、通过率、次数和引用的文件，由您逐条采用或忽略；没有采用的不会进入批次。</Text>
              <Textarea className='workshop__textarea' value={notice} maxlength={100000} placeholder='粘贴通知全文' aria-label='通知全文' onInput={(e) => setNotice(e.detail.value)} />
              {errors.notice ? <ProblemAlert problem={errors.notice} /> : null}
              <ActionButton disabled={busy !== null || notice.trim() === ''} onTap={() => void act('notice', () => call('rounds', 'draftNotice', { draftId: draft.id, text: notice })).then((ok) => ok && setEditing(null))}>
                {busy === 'notice' ? '正在查找…' : '找出通知中的要点'}
              </ActionButton>
            </View>
          ) : (
            <View id={anchor('candidates')} className='workshop__card'>
              <Text className='workshop__note'>
                找到 {draft.candidates.length} 条，{pending.length === 0 ? '已全部处理。' : `还有 ${pending.length} 条待处理：逐条看原文，采用（填入所示项目）或忽略。`}
              </Text>
              {pending.map((c) => (
                <View key={c.id} className='workshop__candidate'>
                  <Text className='workshop__kind'>{c.kindLabel}</Text>
                  <Text className='workshop__value'>{c.summary}</Text>
                  <Passage text={draft.noticeText!} start={c.start} end={c.end} />
                  <Text className='workshop__note'>{c.targetLabel ? `填入：${c.targetLabel}` : c.targets.length > 0 ? '选择填入的项目：' : c.onlyToCheck}</Text>
                  {!c.target && c.targets.length > 0 ? (
                    <View className='workshop__chips'>
                      {c.targets.map((t) => (
                        <View key={t.key} className='workshop__chip' role='button' onClick={() => void decide(c, 'accept', t.key)}>
                          <Text>{t.label}</Text>
                        </View>
                      ))}
                    </View>
                  ) : null}
                  {editing === `candidate:${c.id}` && c.target && c.proposed ? (
                    <FieldEditor
                      edit={c.proposed}
                      label={c.targetLabel ?? ''}
                      busy={busy === c.id}
                      error={errors[c.id] ?? null}
                      onSave={(corrected) => void decide(c, 'accept', c.target!, corrected).then((ok) => ok && setEditing(null))}
                      onCancel={() => setEditing(null)}
                    />
                  ) : (
                    <View className='workshop__actions'>
                      {errors[c.id] ? <ProblemAlert problem={errors[c.id]!} /> : null}
                      {c.target && c.proposed?.field !== 'addSeries' ? (
                        <ActionButton disabled={busy !== null || locked} onTap={() => void decide(c, 'accept')}>
                          {busy === c.id ? '正在采用…' : '采用'}
                        </ActionButton>
                      ) : null}
                      {c.target && c.proposed ? (
                        <ActionButton tone='light' disabled={busy !== null || locked} onTap={() => setEditing(`candidate:${c.id}`)}>
                          修改后采用
                        </ActionButton>
                      ) : null}
                      <ActionButton tone='light' disabled={busy !== null || locked} onTap={() => void decide(c, 'dismiss')}>
                        {c.target || c.targets.length > 0 ? '忽略' : '已核对'}
                      </ActionButton>
                    </View>
                  )}
                </View>
              ))}
              {decided.length > 0 ? (
                <Fold title={`已处理（${decided.length}）`}>
                  {decided.map((c) => (
                    <Text key={c.id} className='workshop__note workshop__decided'>
                      {c.decision === 'dismissed' ? '已忽略' : c.decision === 'corrected' ? '修改后采用' : '已采用'} · {c.summary}
                      {c.targetLabel && c.decision !== 'dismissed' ? ` → ${c.targetLabel}` : ''}
                    </Text>
                  ))}
                </Fold>
              ) : null}
              {!locked ? (
                <ActionButton tone='plain' onTap={() => setEditing('notice')}>
                  重新粘贴通知（已采用的内容保留，依据需重新核对）
                </ActionButton>
              ) : null}
            </View>
          )}
        </View>

        <View className='workshop__column'>
          {draft.sections.filter((s) => s.fields.length > 0 || s.add !== null).map(section)}
          {draft.committee ? (
            <View id={anchor('committee')}>
              <Text className='workshop__section'>评审委员会</Text>
              <View className='workshop__card'>
                <Choice
                  label='评审由哪个评审委员会组织：选定后，它的秘书接收这个批次的材料、收费和评审会。'
                  options={draft.committee.options.map((o) => ({ value: o.id, label: `${o.name}${o.note ? ` · ${o.note}` : ''}` }))}
                  value={draft.committee.chosen ?? ''}
                  onChange={(id) => !locked && void save('committee', { field: 'committee', secretaryId: id })}
                />
                {draft.committee.options.length === 0 ? <Text className='workshop__check-text'>本地区还没有评审委员会秘书的账号，请联系技术人员开通后再选择。</Text> : null}
                {errors.committee ? <ProblemAlert problem={errors.committee} /> : null}
              </View>
            </View>
          ) : null}
        </View>
      </View>

      <Text className='workshop__section'>发布前检查</Text>
      <View className='workshop__card'>
        {draft.checks.length === 0 ? <Text className='workshop__ok'>全部通过：时间顺序、收费、待填写项目和通知要点都已处理。</Text> : null}
        {draft.checks.map((c, i) => (
          <View key={i} className='workshop__check' role='link' onClick={() => scrollToElement(`#${anchor(c.target ?? 'notice')}`)}>
            <Text className='workshop__check-text'>{c.message}</Text>
            <Text className='workshop__arrow'>›</Text>
          </View>
        ))}
      </View>

      <PreviewPanel draft={draft} locked={locked} busy={busy} error={errors.people ?? null} onChange={(payload) => void act('people', () => call('rounds', 'draftTestPerson', { draftId: draft.id, ...payload }))} />

      {!locked ? (
        <View className='workshop__card'>
          {draft.kind === 'correction' ? (
            <View>
              <Text className='workshop__label'>更正说明（申报人会看到）</Text>
              <Textarea className='workshop__textarea workshop__textarea--short' value={changeNote} maxlength={500} placeholder='如：答辩时间改为10月24日' aria-label='更正说明' onInput={(e) => setChangeNote(e.detail.value)} />
              <View className={`workshop__chip ${toAll ? 'workshop__chip--on' : ''}`} role='checkbox' aria-checked={toAll} onClick={() => setToAll(!toAll)}>
                <Text>{toAll ? '✓ ' : ''}这项更正适用于已开始的申报（不选则已申报的仍按原版本办理）</Text>
              </View>
            </View>
          ) : null}
          {errors.publish ? <ProblemAlert problem={errors.publish} /> : null}
          <ActionButton disabled={busy !== null || draft.checks.length > 0} onTap={() => void publish()}>
            {busy === 'publish' ? '正在发布…' : draft.checks.length > 0 ? `还有 ${draft.checks.length} 项待处理，处理后才能发布` : `发布第 ${draft.version} 版`}
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}

export default withSystemFont(Draft);
