import { Text, View } from '@tarojs/components';
import type { ApplicationView } from '../../core/contracts/api';
import { formatBeijingMoment } from '../../core/time/format';
import { ActionButton } from '../../components/action-button';
import './application.scss';

/**
 * Submitting: every problem that still blocks it, each with its one-tap fix where there is one,
 * then 提交 once none is left. Submitted, it says when, and how many submissions remain.
 */
export function SubmitPanel({
  application,
  submitting,
  onFix,
  onSubmit,
}: {
  application: ApplicationView;
  submitting: boolean;
  onFix: (category: string, text: string) => void;
  onSubmit: () => void;
}) {
  const left = application.maxSubmissions - application.submissions;
  if (application.status === 'submitted') {
    const at = [...application.events].reverse().find((e) => e.kind === 'submitted')?.at;
    return (
      <View className='submit'>
        <Text className='submit__done'>已提交{at ? `（${formatBeijingMoment(new Date(at))}，北京时间）` : ''}，等待单位审核。</Text>
        <Text className='upload__note'>
          已提交 {application.submissions} 次，按通知最多 {application.maxSubmissions} 次。
        </Text>
      </View>
    );
  }
  return (
    <View className='submit'>
      <Text className='application__heading'>提交前检查</Text>
      {application.problems.length === 0 ? <Text className='upload__note'>材料都齐了，可以提交。提交后单位开始审核；按通知最多提交 {application.maxSubmissions} 次，还剩 {left} 次。</Text> : null}
      {application.problems.map((p, i) => (
        <View key={`${p.category}-${i}`} className='submit__problem'>
          <Text className='submit__problem-name'>{p.name}</Text>
          <Text className='submit__problem-text'>{p.message}</Text>
          {p.fix ? (
            <ActionButton tone='light' onTap={() => onFix(p.category, p.fix!.to)}>
              一键改正
            </ActionButton>
          ) : null}
        </View>
      ))}
      <ActionButton disabled={application.problems.length > 0 || submitting || left <= 0} onTap={onSubmit}>
        {submitting ? '正在提交…' : application.problems.length > 0 ? `还有 ${application.problems.length} 处要处理` : '提交申报'}
      </ActionButton>
    </View>
  );
}
