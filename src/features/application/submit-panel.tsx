import { Text, View } from '@tarojs/components';
import type { ApplicationView, ProblemView } from '../../core/contracts/api';
import { formatBeijingMoment } from '../../core/time/format';
import { ActionButton } from '../../components/action-button';
import type { ReactNode } from 'react';
import type { FormSection } from '../../core/application/form-sections';
import './application.scss';
import './apply-only.scss';

/**
 * Submitting: what is still missing, a line per section; every other problem that blocks it, each
 * with its one-tap fix or confirmation where there is one; then what to check (likenesses, entries
 * the series conditions usually ask for), then 提交 once nothing blocks. Each line opens where it
 * is fixed. Submitted, it says when, and how many submissions remain.
 */
export function SubmitPanel({
  application,
  sections,
  submitting,
  onGo,
  onFix,
  onDeclare,
  onSubmit,
  reminders,
}: {
  application: ApplicationView;
  sections: readonly FormSection[];
  submitting: boolean;
  /** Opens the material (its section unfolded) where a problem is fixed. */
  onGo: (category: string) => void;
  onFix: (path: string) => void;
  onDeclare: (rule: string) => void;
  onSubmit: () => void;
  /** Shown once submitted: the WeChat reminders of the review's steps (the page composes them in). */
  reminders: ReactNode;
}) {
  const left = application.maxSubmissions - application.submissions;
  const returned = application.status === 'returned';
  if (application.status !== 'draft' && !returned) {
    const at = application.lastSubmittedAt;
    return (
      <View className='submit'>
        <Text className='submit__done'>已提交{at ? `（${formatBeijingMoment(new Date(at))}，北京时间）` : ''}。</Text>
        <Text className='upload__note'>现在：{application.statusText}</Text>
        <Text className='upload__note'>
          已提交 {application.submissions} 次，按通知最多 {application.maxSubmissions} 次。
        </Text>
        {reminders}
      </View>
    );
  }
  const blocking = application.problems.filter((p) => p.severity === 'block');
  const warnings = application.problems.filter((p) => p.severity === 'warn');
  // What is simply not there yet is said once per section, as the sections' progress says it.
  const missing = sections.flatMap((section) => {
    const items = blocking.filter((p) => p.missing && section.codes.includes(p.category));
    return items.length > 0 ? [{ section, items }] : [];
  });
  const inMissing = new Set(missing.flatMap((m) => m.items));
  const go = (category: string, label: string) => (
    <View className='submit__go' hoverClass='submit__go--pressed' role='button' aria-label={`${label}，去处理`} onClick={() => onGo(category)}>
      <Text className='submit__problem-name'>{label}</Text>
      <Text className='submit__go-action'>去处理 ›</Text>
    </View>
  );
  const row = (p: ProblemView, i: number) => (
    <View key={`${p.path}-${i}`} className={`submit__problem submit__problem--${p.severity}`}>
      {go(p.category, p.name)}
      <Text className='submit__problem-text'>{p.message}</Text>
      {p.fix ? (
        <ActionButton tone='light' onTap={() => onFix(p.path)}>
          一键改正
        </ActionButton>
      ) : null}
      {p.declaration ? (
        <ActionButton tone='light' onTap={() => onDeclare(p.declaration!)}>
          我确认没有
        </ActionButton>
      ) : null}
    </View>
  );
  return (
    <View className='submit'>
      <Text className='application__heading'>提交前检查</Text>
      {blocking.length === 0 ? <Text className='upload__note'>没有要处理的问题，可以提交。提交后单位开始审核；按通知最多提交 {application.maxSubmissions} 次，还剩 {left} 次。</Text> : null}
      {missing.map(({ section, items }) => (
        <View key={section.id} className='submit__problem submit__problem--block'>
          {go(items[0]!.category, `${section.title}：还差 ${items.length} 项`)}
          <Text className='submit__problem-text'>{items.map((p) => p.name).join('、')}</Text>
        </View>
      ))}
      {blocking.filter((p) => !inMissing.has(p)).map(row)}
      {warnings.length > 0 ? <Text className='submit__subheading'>请再核对（不影响提交）</Text> : null}
      {warnings.map(row)}
      <ActionButton disabled={blocking.length > 0 || submitting || left <= 0} onTap={onSubmit}>
        {submitting ? '正在提交…' : blocking.length > 0 ? `还有 ${blocking.length} 处要处理` : returned ? '修改好了，重新提交' : '提交申报'}
      </ActionButton>
    </View>
  );
}
