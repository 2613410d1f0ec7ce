import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ExportFile } from '../../core/contracts/exports';
import type { AppError } from '../../core/errors';
import type { Result } from '../../core/result';
import { openDocument } from '../../services/platform/open-document';
import { ActionButton } from '../action-button';
import './index.scss';

/**
 * A document or roster made on the server and opened on the phone: one tap makes and opens it
 * (a second tap while it is being made is ignored); what went wrong is said under it.
 */
export function ExportButton({ label, make }: { label: string; make: () => Promise<Result<ExportFile, AppError>> }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [made, setMade] = useState<string | null>(null);

  async function run() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const answer = await make();
    if (!answer.ok) {
      setBusy(false);
      setProblem(answer.error.details?.[0] ?? answer.error.message);
      return;
    }
    const failed = await openDocument(answer.value);
    setBusy(false);
    if (failed) setProblem(failed);
    else setMade(answer.value.rows === null ? `已生成：${answer.value.name}` : `已生成：${answer.value.name}，共 ${answer.value.rows} 人`);
  }

  return (
    <View className='export-button'>
      <ActionButton tone='light' disabled={busy} onTap={() => void run()}>
        {busy ? `正在生成${label}…` : label}
      </ActionButton>
      {made && !busy ? <Text className='export-button__done'>{made}</Text> : null}
      {problem ? (
        <View className='export-button__problem' role='alert'>
          <Text>{problem}</Text>
        </View>
      ) : null}
    </View>
  );
}
