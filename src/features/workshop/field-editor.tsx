import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ProblemAlert } from '../../components/problem-alert';
import type { AppError } from '../../core/errors';
import type { FieldEdit } from '../../core/workshop/draft';
import { LEVEL_LABELS } from '../../core/eligibility/labels';
import { LEVELS } from '../../core/round/round.vocabulary';
import { WINDOW_KIND_LABELS } from '../../core/workshop/draft.structure';

type Texts = Readonly<Record<string, string>>;

/** The form's inputs for one field, as text (what the officer types), from its current value. */
function textsOf(edit: FieldEdit): Texts {
  switch (edit.field) {
    case 'title':
      return { title: edit.title };
    case 'issuedOn':
    case 'seniority':
      return { date: edit.date };
    case 'window':
      return { startDate: edit.start?.date ?? '', startTime: edit.start?.time ?? '', endDate: edit.end.date, endTime: edit.end.time ?? '' };
    case 'fee':
      return { value: String(edit.yuan) };
    case 'contact':
      return { value: edit.phones.join('、') };
    case 'cap':
      return { value: String(edit.percent) };
    case 'submissions':
      return { value: String(edit.count) };
    case 'resubmit':
      return { value: Number.isNaN(edit.amount) ? '' : String(edit.amount), unit: edit.unit };
    case 'publicity':
      return { value: String(edit.workingDays) };
    case 'defense':
      return { value: String(edit.minutes) };
    case 'external':
      return { value: edit.number };
    case 'issuer':
      return { name: edit.name };
    case 'addSeries':
      return { name: edit.name, levels: edit.levels.join(','), conditions: edit.conditions };
    case 'addWindow':
      return { kind: edit.kind, label: edit.label, startDate: edit.start?.date ?? '', startTime: edit.start?.time ?? '', endDate: edit.end.date, endTime: edit.end.time ?? '' };
    case 'addFee':
      return { levels: edit.levels.join(','), value: Number.isNaN(edit.yuan) ? '' : String(edit.yuan) };
    case 'addContact':
      return { role: edit.role, value: edit.phones.join('、') };
    case 'addMaterial':
      return { name: edit.name, required: edit.required, stage: edit.stage, identity: edit.identity ? 'yes' : '' };
    case 'blind':
      return { on: edit.on ? 'yes' : '' };
    case 'remove':
    case 'feesNone':
    case 'confirm':
    case 'committee':
      return {};
  }
}

const num = (text: string | undefined): number => (text && /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN);
const moment = (date: string | undefined, time: string | undefined) => ({ date: (date ?? '').trim(), time: (time ?? '').trim() === '' ? null : (time ?? '').trim().replace('：', ':') });

/** The typed texts back as the field's edit (the server checks each value and answers in Chinese). */
function editOf(edit: FieldEdit, t: Texts): FieldEdit {
  switch (edit.field) {
    case 'title':
      return { field: 'title', title: t.title ?? '' };
    case 'issuedOn':
    case 'seniority':
      return { field: edit.field, date: (t.date ?? '').trim() };
    case 'window':
      return { field: 'window', id: edit.id, start: (t.startDate ?? '').trim() === '' ? null : moment(t.startDate, t.startTime), end: moment(t.endDate, t.endTime) };
    case 'fee':
      return { field: 'fee', index: edit.index, yuan: num(t.value) };
    case 'contact':
      return { field: 'contact', index: edit.index, phones: (t.value ?? '').split(/[、,，\s]+/).filter(Boolean) };
    case 'cap':
      return { field: 'cap', index: edit.index, percent: num(t.value) };
    case 'submissions':
      return { field: 'submissions', count: num(t.value) };
    case 'resubmit':
      return { field: 'resubmit', amount: num(t.value), unit: t.unit === 'hours' ? 'hours' : 'days' };
    case 'publicity':
      return { field: 'publicity', workingDays: num(t.value) };
    case 'defense':
      return { field: 'defense', minutes: num(t.value) };
    case 'external':
    case 'remove':
    case 'feesNone':
    case 'confirm':
    case 'committee':
      return edit;
    case 'issuer':
      return { field: 'issuer', name: t.name ?? '' };
    case 'addSeries':
      return { field: 'addSeries', name: t.name ?? '', levels: listOf(t.levels), conditions: t.conditions ?? '' };
    case 'addWindow':
      return { field: 'addWindow', kind: t.kind as typeof edit.kind, label: t.label ?? '', start: (t.startDate ?? '').trim() === '' ? null : moment(t.startDate, t.startTime), end: moment(t.endDate, t.endTime) };
    case 'addFee':
      return { field: 'addFee', levels: listOf(t.levels), way: edit.way, yuan: num(t.value) };
    case 'addContact':
      return { field: 'addContact', role: t.role ?? '', phones: (t.value ?? '').split(/[、,，\s]+/).filter(Boolean) };
    case 'addMaterial':
      return { field: 'addMaterial', name: t.name ?? '', required: t.required as typeof edit.required, stage: t.stage as typeof edit.stage, identity: t.identity === 'yes' };
    case 'blind':
      return { field: 'blind', on: t.on === 'yes' };
  }
}

const listOf = <T extends string>(text: string | undefined): T[] => (text ? (text.split(',').filter(Boolean) as T[]) : []);

const LEVEL_OPTIONS = LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }));
const KIND_OPTIONS = Object.entries(WINDOW_KIND_LABELS).map(([value, label]) => ({ value, label }));

/** Chips to pick one option, or several (`multi`: the value is the picked ones joined by commas). */
export function Choice({ label, options, value, multi, onChange }: { label: string; options: readonly { value: string; label: string }[]; value: string; multi?: boolean; onChange: (value: string) => void }) {
  const picked = value.split(',').filter(Boolean);
  // One option may be the empty string (不隐名, 能看到): a single choice compares the whole value.
  const on = (v: string) => (multi ? picked.includes(v) : value === v);
  const toggle = (v: string) => (multi ? (picked.includes(v) ? picked.filter((p) => p !== v) : [...picked, v]).join(',') : v);
  return (
    <View className='workshop__choice'>
      <Text className='workshop__note'>{label}</Text>
      <View className='workshop__chips' role={multi ? 'group' : 'radiogroup'} aria-label={label}>
        {options.map((o) => (
          <View
            key={o.value}
            className={`workshop__chip ${on(o.value) ? 'workshop__chip--on' : ''}`}
            role={multi ? 'checkbox' : 'radio'}
            aria-checked={on(o.value)}
            onClick={() => onChange(toggle(o.value))}
          >
            <Text>
              {on(o.value) ? '✓ ' : ''}
              {o.label}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

const UNITS: Partial<Record<FieldEdit['field'], string>> = { fee: '元/人', cap: '%', submissions: '次', publicity: '个工作日', defense: '分钟' };

/** One field's inputs, saved together; the refusal, if any, shown under them. */
export function FieldEditor({ edit, label, busy, error, onSave, onCancel }: { edit: FieldEdit; label: string; busy: boolean; error: AppError | null; onSave: (edit: FieldEdit) => void; onCancel: () => void }) {
  const [texts, setTexts] = useState<Texts>(() => textsOf(edit));
  const input = (key: string, placeholder: string, aria: string) => (
    <Input className='workshop__input' value={texts[key] ?? ''} placeholder={placeholder} aria-label={`${label}${aria}`} onInput={(e) => setTexts({ ...texts, [key]: e.detail.value })} />
  );
  const choice = (key: string, title: string, options: readonly { value: string; label: string }[], multi = false) => (
    <Choice label={title} options={options} value={texts[key] ?? ''} multi={multi} onChange={(v) => setTexts({ ...texts, [key]: v })} />
  );
  const dates = (
    <View className='workshop__pair'>
      {input('startDate', '开始日期，如 2025-07-22', '开始日期')}
      {input('startTime', '开始时刻（可不填）', '开始时刻')}
      {input('endDate', '截止日期，如 2025-08-30', '截止日期')}
      {input('endTime', '截止时刻，如 18:00（可不填）', '截止时刻')}
    </View>
  );
  const body = (() => {
    switch (edit.field) {
      case 'issuer':
        return input('name', '发文单位，如 阿克苏地区人力资源和社会保障局', '');
      case 'addSeries':
        return (
          <View>
            {input('name', '系列名称，如 工程技术系列', '名称')}
            {choice('levels', '本批次评审的级别（可多选）', LEVEL_OPTIONS, true)}
            {input('conditions', '规定申报条件的文件，如 新人社发〔2023〕62号', '条件文件')}
          </View>
        );
      case 'addWindow':
        return (
          <View>
            {choice('kind', '这是哪一步的时间', KIND_OPTIONS)}
            {input('label', '名称，如 单位审核推荐', '名称')}
            {dates}
          </View>
        );
      case 'addFee':
        return (
          <View>
            {choice('levels', '收费适用的级别（可多选）', LEVEL_OPTIONS, true)}
            <View className='workshop__inline'>
              {input('value', '金额', '金额')}
              <Text className='workshop__unit'>元/人</Text>
            </View>
          </View>
        );
      case 'addContact':
        return (
          <View>
            {input('role', '联系事项，如 政策咨询', '事项')}
            {input('value', '电话，如 0997-2129001，多个用顿号隔开', '电话')}
          </View>
        );
      case 'addMaterial':
        return (
          <View>
            {input('name', '材料名称，如 学历证书', '名称')}
            {choice('required', '是否必须提交', [{ value: 'always', label: '必须提交' }, { value: 'if_any', label: '如有则提交' }])}
            {choice('stage', '提交方式', [{ value: 'online', label: '网上上传' }, { value: 'paper', label: '报送纸质材料' }])}
            {choice('identity', '评审专家能否看到', [{ value: '', label: '能看到（隐名评审时看遮盖后的）' }, { value: 'yes', label: '不能看到（身份证、承诺书等）' }])}
          </View>
        );
      case 'resubmit':
        return (
          <View>
            {input('value', '数字，如 2', '')}
            {choice('unit', '单位', [{ value: 'days', label: '日内' }, { value: 'hours', label: '小时内' }])}
          </View>
        );
      case 'blind':
        return choice('on', '通知是否要求隐名评审', [{ value: 'yes', label: '隐名评审' }, { value: '', label: '不隐名' }]);
      default:
        return null;
    }
  })();
  return (
    <View className='workshop__editor'>
      {body ? body : edit.field === 'window' ? (
        dates
      ) : edit.field === 'title' ? (
        input('title', '批次标题', '')
      ) : edit.field === 'issuedOn' || edit.field === 'seniority' ? (
        input('date', '日期，如 2025-07-07', '')
      ) : (
        <View className='workshop__inline'>
          {input('value', edit.field === 'contact' ? '如 0997-2129001，多个用顿号隔开' : '数字', '')}
          {UNITS[edit.field] ? <Text className='workshop__unit'>{UNITS[edit.field]}</Text> : null}
        </View>
      )}
      {error ? <ProblemAlert problem={error} /> : null}
      <View className='workshop__actions'>
        <ActionButton disabled={busy} onTap={() => onSave(editOf(edit, texts))}>
          {busy ? '正在保存…' : '保存'}
        </ActionButton>
        <ActionButton tone='light' disabled={busy} onTap={onCancel}>
          取消
        </ActionButton>
      </View>
    </View>
  );
}
