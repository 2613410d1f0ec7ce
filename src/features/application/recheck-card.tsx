import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ProblemAlert } from '../../components/problem-alert';
import type { RecheckView } from '../../core/contracts/api';
import type { AppError } from '../../core/errors';
import type { Result } from '../../core/result';
import { formatBeijingDateTime } from '../../core/time/format';
import { confirm } from '../../services/ui/dialogs';
import './application.scss';

/**
 * 复查 after a result of 不通过 (《职称评审管理暂行规定》第二十七条, as quoted): the applicant writes why,
 * once; the committee answers, and the answer shows here.
 */
export function RecheckCard({ recheck, mayRequest, onRequest }: { recheck: RecheckView | null; mayRequest: boolean; onRequest: (reason: string) => Promise<Result<unknown, AppError>> }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);
  if (!recheck && !mayRequest) return null;

  async function send() {
    if (busy) return;
    const sure = await confirm({ title: '申请复查', content: '提交后由评审委员会复查并答复，理由不能再修改。确定提交吗？', confirmText: '提交', cancelText: '再看看' });
    if (!sure) return;
    setBusy(true);
    setProblem(null);
    const result = await onRequest(reason);
    setBusy(false);
    if (!result.ok) setProblem(result.error);
  }

  return (
    <View className='application__card recheck'>
      <Text className='application__heading'>申请复查</Text>
      {recheck ? (
        <>
          <Text className='application__next'>{formatBeijingDateTime(new Date(recheck.requestedAt))} 提交的理由：</Text>
          <Text className='application__line'>{recheck.reason}</Text>
          <Text className={recheck.answer ? 'application__line' : 'application__next'}>{recheck.answer ? `评审委员会答复：${recheck.answer.text}` : '评审委员会正在复查，答复后会显示在这里。'}</Text>
        </>
      ) : (
        <>
          <Text className='application__next'>对评审结果有异议的，可以在评审委员会确认结果前申请复查，写明理由和依据（如未被计入的业绩）。</Text>
          <Textarea className='recheck__text' value={reason} maxlength={500} placeholder='申请复查的理由和依据' aria-label='申请复查的理由' onInput={(e) => setReason(e.detail.value)} />
          <ActionButton tone='light' disabled={busy} onTap={() => void send()}>
            {busy ? '正在提交…' : '提交复查申请'}
          </ActionButton>
        </>
      )}
      {problem ? <ProblemAlert problem={problem} /> : null}
    </View>
  );
}
