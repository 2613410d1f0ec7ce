import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ProblemAlert } from '../../components/problem-alert';
import type { AppError } from '../../core/errors';
import type { FieldEdit } from '../../core/workshop/draft';

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
      return { value: String(edit.amount), unit: edit.unit };
    case 'publicity':
      return { value: String(edit.workingDays) };
    case 'defense':
      return { value: String(edit.minutes) };
    case 'external':
      return { value: edit.number };
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
      return { field: 'resubmit', amount: num(t.value), unit: edit.unit };
    case 'publicity':
      return { field: 'publicity', workingDays: num(t.value) };
    case 'defense':
      return { field: 'defense', minutes: num(t.value) };
    case 'external':
      return edit;
  }
}

const UNITS: Partial<Record<FieldEdit['field'], string>> = { fee: '元/人', cap: '%', submissions: '次', publicity: '个工作日', defense: '分钟' };

/** One field's inputs, saved together; the refusal, if any, shown under them. */
export function FieldEditor({ edit, label, busy, error, onSave, onCancel }: { edit: FieldEdit; label: string; busy: boolean; error: AppError | null; onSave: (edit: FieldEdit) => void; onCancel: () => void }) {
  const [texts, setTexts] = useState<Texts>(() => textsOf(edit));
  const input = (key: string, placeholder: string, aria: string) => (
    <Input className='workshop__input' value={texts[key] ?? ''} placeholder={placeholder} aria-label={`${label}${aria}`} onInput={(e) => setTexts({ ...texts, [key]: e.detail.value })} />
  );
  return (
    <View className='workshop__editor'>
      {edit.field === 'window' ? (
        <View className='workshop__pair'>
          {input('startDate', '开始日期，如 2025-07-22', '开始日期')}
          {input('startTime', '开始时刻（可不填）', '开始时刻')}
          {input('endDate', '截止日期，如 2025-08-30', '截止日期')}
          {input('endTime', '截止时刻，如 18:00（可不填）', '截止时刻')}
        </View>
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
