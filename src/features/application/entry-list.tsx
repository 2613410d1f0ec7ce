import { Input, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ClauseLink } from '../../components/clause/clause-link';
import { MonthField } from '../../components/month-field';
import type { ProblemView } from '../../core/contracts/api';
import type { ChecklistItem } from '../../core/eligibility/assessment';
import { ENTRY_FORMS, entryTitle, type Entry, type EntryField, type ListRecord } from '../../core/application/entry-forms';
import type { Source } from '../../core/round/round.schema';
import './application.scss';
import './apply-only.scss';

const FIRST_MONTH = '1960-01';

/**
 * The rows of one category typed into the form (工作经历, 业绩成果, 论文 …): each row in one line
 * with what is still wrong with it beneath, one row edited at a time in the form the platform
 * asks for, saved as a whole list. A new row is kept only when 保存 is tapped.
 */
export function EntryList({
  item,
  record,
  entries,
  problems,
  nowMonth,
  saving,
  editable,
  embedded = false,
  onSave,
  onClause,
}: {
  item: ChecklistItem;
  record: ListRecord;
  entries: readonly Entry[];
  problems: readonly ProblemView[];
  /** The server's month: the latest a month may be. */
  nowMonth: string;
  saving: boolean;
  editable: boolean;
  /** Inside the category's upload card (its rows above its evidence), without a card of its own. */
  embedded?: boolean;
  onSave: (entries: readonly Entry[]) => Promise<boolean>;
  onClause: (source: Source) => void;
}) {
  const form = ENTRY_FORMS[record];
  // The row being edited: its index (entries.length for a new one) and its values so far.
  const [editing, setEditing] = useState<{ index: number; draft: Entry } | null>(null);
  const need = item.need === 'required' ? '必填' : item.need === 'if_any' ? '如有' : '按条件要求';
  const rowProblems = (index: number) => problems.filter((p) => p.path === `${item.code}.${index}` || p.path.startsWith(`${item.code}.${index}.`));

  async function save(next: readonly Entry[]) {
    if (await onSave(next)) setEditing(null);
  }

  const body = (
    <View className='entries-block' id={`entries-${item.code}`}>
      <View className='entries'>
        {entries.length === 0 && !editing ? (
          <Text className='upload__note'>{item.need === 'if_any' ? '没有可以不填。' : `还没有填写，请点“添加${form.noun}”。`}</Text>
        ) : null}
        {entries.map((entry, index) =>
          editing?.index === index ? null : (
            <View key={index} className='entries__row'>
              <View className='entries__row-body'>
                <Text className='entries__title'>
                  {index + 1}. {entryTitle(form, entry)}
                </Text>
                {rowProblems(index).map((p, i) => (
                  <Text key={i} className={`entries__problem entries__problem--${p.severity}`}>
                    {p.message}
                  </Text>
                ))}
              </View>
              {editable ? (
                <ActionButton tone='plain' className='entries__edit' disabled={editing !== null || saving} onTap={() => setEditing({ index, draft: entry })}>
                  修改
                </ActionButton>
              ) : null}
            </View>
          ),
        )}
      </View>
      {editing ? (
        <EntryEditor
          title={editing.index < entries.length ? `修改第${editing.index + 1}项` : `添加${form.noun}`}
          fields={form.fields}
          draft={editing.draft}
          nowMonth={nowMonth}
          saving={saving}
          onChange={(draft) => setEditing({ ...editing, draft })}
          onCancel={() => setEditing(null)}
          onSave={() => void save(editing.index < entries.length ? entries.map((e, i) => (i === editing.index ? editing.draft : e)) : [...entries, editing.draft])}
          onDelete={editing.index < entries.length ? () => void save(entries.filter((_, i) => i !== editing.index)) : null}
        />
      ) : editable ? (
        <ActionButton className='upload__add' tone='light' disabled={saving} onTap={() => setEditing({ index: entries.length, draft: {} })}>
          添加{form.noun}
        </ActionButton>
      ) : null}
    </View>
  );
  if (embedded) return body;
  return (
    <View className='upload' id={`category-${item.code}`}>
      <View className='upload__head'>
        <Text className='upload__name'>{item.name}</Text>
        <Text className={`upload__need upload__need--${item.need}`}>{need}</Text>
      </View>
      {item.note ? <Text className='upload__note'>{item.note}</Text> : null}
      <ClauseLink source={item.source} onClause={onClause} />
      {body}
    </View>
  );
}

function EntryEditor({
  title,
  fields,
  draft,
  nowMonth,
  saving,
  onChange,
  onCancel,
  onSave,
  onDelete,
}: {
  title: string;
  fields: readonly EntryField[];
  draft: Entry;
  nowMonth: string;
  saving: boolean;
  onChange: (draft: Entry) => void;
  onCancel: () => void;
  onSave: () => void;
  onDelete: (() => void) | null;
}) {
  const set = (key: string, value: string | null) => onChange({ ...draft, [key]: value });
  return (
    <View className='entry-editor' role='form' aria-label={title}>
      <Text className='application__heading'>{title}</Text>
      {fields.map((field) => (
        <View key={field.key} className='entry-editor__field'>
          <Text className='entry-editor__label'>
            {field.label}
            {field.required ? '' : '（选填）'}
          </Text>
          {field.type === 'month' || field.type === 'month_or_now' ? (
            <View className='entry-editor__month'>
              {draft[field.key] === null ? (
                <Text className='entry-editor__now'>至今</Text>
              ) : (
                <MonthField label={field.label} value={draft[field.key] || undefined} suggest={nowMonth} start={FIRST_MONTH} end={nowMonth} onChange={(month) => set(field.key, month)} />
              )}
              {field.type === 'month_or_now' ? (
                <View
                  className={`chip ${draft[field.key] === null ? 'chip--on' : ''}`}
                  role='checkbox'
                  aria-checked={draft[field.key] === null}
                  aria-label={`${field.label}至今`}
                  onClick={() => set(field.key, draft[field.key] === null ? '' : null)}
                >
                  至今
                </View>
              ) : null}
            </View>
          ) : field.type === 'long_text' ? (
            <Textarea
              className='text-field__area'
              value={draft[field.key] ?? ''}
              maxlength={field.maxChars}
              autoHeight
              placeholder={field.hint ?? ''}
              aria-label={field.label}
              onInput={(e) => set(field.key, e.detail.value)}
            />
          ) : (
            <Input
              className='entry-editor__input'
              value={draft[field.key] ?? ''}
              maxlength={field.maxChars}
              placeholder={field.hint ?? ''}
              aria-label={field.label}
              onInput={(e) => set(field.key, e.detail.value)}
            />
          )}
        </View>
      ))}
      <View className='entry-editor__actions'>
        <ActionButton disabled={saving} onTap={onSave}>
          {saving ? '正在保存…' : '保存'}
        </ActionButton>
        <ActionButton tone='plain' disabled={saving} onTap={onCancel}>
          取消
        </ActionButton>
        {onDelete ? (
          <ActionButton tone='plain' className='entry-editor__delete' disabled={saving} onTap={onDelete}>
            删除这一项
          </ActionButton>
        ) : null}
      </View>
    </View>
  );
}
