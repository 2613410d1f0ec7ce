import { Text, View } from '@tarojs/components';
import { confirm, previewImages } from '../../../services/ui/dialogs';
import { CONFIRM } from '../../../core/review/confirmations';
import { useRef, useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { EmptyView, ErrorView, LoadingView } from '../../../components/status-view';
import { withSystemFont } from '../../../components/system-font';
import type { CommitteeItem } from '../../../core/contracts/api';
import type { AppError } from '../../../core/errors';
import { call } from '../../../services/api/client';
import { newRequestId } from '../../../services/api/request-id';
import { uploadPhoto } from '../../../services/photos/attach-photo';
import { pickPhotos } from '../../../services/photos/photos';
import { useCall } from '../../../services/api/use-call';
import { ProblemAlert } from '../../../components/problem-alert';
import '../../../features/committee/committee.scss';
import { useShownAgain } from '../../../services/page/shown-again';
import '../../../services/api/staff-contracts';

type Step = 'receive' | 'recordFee';

/**
 * The committee secretary's list after formal review: 已接收材料 when the paper materials arrive,
 * 已缴费 when the fee is paid (only then is a senior applicant scheduled for the defense).
 */
function CommitteeQueue() {
  const loaded = useCall('committee', 'queue', {});
  const [items, setItems] = useState<readonly CommitteeItem[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const me = useCall('account', 'me', {});
  const personId = me.status === 'ready' ? me.data.personId : null;
  // One id per act: a retry after a lost reply is the same act.
  const pendingAct = useRef<{ key: string; requestId: string } | null>(null);
  useShownAgain(() => {
    setItems(null);
    loaded.reload();
  });

  if (loaded.status === 'loading') return <LoadingView label='正在读取申报…' />;
  if (loaded.status === 'error') return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  const list = items ?? loaded.data;

  async function act(item: CommitteeItem, step: Step, receipt: { ref: string; sha256: string } | null = null) {
    if (busy && !receipt) return;
    if (!receipt && !(await confirm(step === 'receive' ? CONFIRM.receive(item.applicantName) : CONFIRM.recordFee(item.applicantName)))) return;
    const key = `${item.id}|${step}`;
    if (pendingAct.current?.key !== key) pendingAct.current = { key, requestId: newRequestId() };
    setBusy(key);
    setProblem(null);
    const answer = step === 'receive' ? await call('committee', 'receive', { applicationId: item.id, requestId: pendingAct.current.requestId }) : await call('committee', 'recordFee', { applicationId: item.id, requestId: pendingAct.current.requestId, receipt });
    setBusy(null);
    if (answer.ok) {
      pendingAct.current = null;
      setItems(answer.value);
    } else {
      if (answer.error.code !== 'NETWORK.UNREACHABLE' && answer.error.code !== 'NETWORK.TIMEOUT') pendingAct.current = null;
      setProblem(answer.error);
    }
  }

  /** 拍收据: the receipt photographed (or picked), uploaded, then the fee recorded with it. */
  async function withReceipt(item: CommitteeItem) {
    if (busy || !personId) return;
    if (!(await confirm(CONFIRM.recordFee(item.applicantName)))) return;
    const picked = await pickPhotos(1);
    if (!picked.ok) {
      if (!picked.cancelled) setProblem({ code: 'FILE.BAD_TYPE', message: picked.message });
      return;
    }
    const key = `${item.id}|receipt`;
    setBusy(key);
    setProblem(null);
    const uploaded = await uploadPhoto(personId, picked.photos[0]!, (stage) => setUploading(stage.kind === 'uploading' ? `正在上传收据 ${Math.round(stage.fraction * 100)}%…` : '正在处理收据照片…'));
    setUploading(null);
    if (!uploaded.ok) {
      setBusy(null);
      setProblem(uploaded.error);
      return;
    }
    // The photo is checked by the function that reads images; the fee is then recorded with it.
    setUploading('正在检查收据照片…');
    const checked = await call('applications', 'checkPhoto', uploaded.value);
    setUploading(null);
    if (!checked.ok) {
      setBusy(null);
      setProblem(checked.error);
      return;
    }
    await act(item, 'recordFee', checked.value);
  }

  return (
    <View className='committee'>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {list.length === 0 ? <EmptyView title='还没有通过形式审核的申报' hint='地（州）人社局审核通过后，申报会出现在这里，再登记接收材料和缴费。' /> : null}
      {list.length > 0 ? (
        <View className='committee__card'>
          <Text className='committee__note'>纸质材料送到后点“已接收材料”；缴清评审费后点“已缴费”，有收据的可拍照一并登记。需要答辩的申报人缴费后才排答辩。</Text>
          {list.map((item) => (
            <View key={item.id} className='committee__item'>
              <View className='committee__item-head'>
                <Text className='committee__name'>{item.applicantName}</Text>
                <Text className='committee__meta'>{item.label}</Text>
              </View>
              <Text className='committee__badge'>{item.statusText}</Text>
              {item.feeYuan !== null && item.mayRecordFee ? <Text className='committee__meta'>应缴评审费 {item.feeYuan} 元</Text> : null}
              <View className='committee__actions'>
                {item.mayReceive ? (
                  <ActionButton tone='light' disabled={busy !== null} onTap={() => void act(item, 'receive')}>
                    {busy === `${item.id}|receive` ? '正在登记…' : '已接收材料'}
                  </ActionButton>
                ) : null}
                {item.mayRecordFee ? (
                  <ActionButton tone='light' disabled={busy !== null} onTap={() => void act(item, 'recordFee')}>
                    {busy === `${item.id}|recordFee` ? '正在登记…' : '已缴费'}
                  </ActionButton>
                ) : null}
                {item.mayRecordFee ? (
                  <ActionButton tone='light' disabled={busy !== null} onTap={() => void withReceipt(item)}>
                    {busy === `${item.id}|receipt` ? (uploading ?? '正在登记…') : '拍收据并登记缴费'}
                  </ActionButton>
                ) : null}
                {item.receiptUrl ? (
                  <ActionButton tone='plain' onTap={() => void previewImages([item.receiptUrl!], item.receiptUrl!)}>
                    查看缴费收据
                  </ActionButton>
                ) : null}
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export default withSystemFont(CommitteeQueue);
