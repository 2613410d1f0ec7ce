import { Input, Text, View } from '@tarojs/components';
import { Fold } from '../../../components/fold';
import { FeeForm, type FeePaymentInput } from '../../../features/committee/fee-form';
import { chineseDate } from '../../../core/eligibility/calendar-date';
import { beijingDate } from '../../../core/time/beijing';
import { serverNow } from '../../../services/server-time';
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
import { WorkshopLink } from '../../../features/workshop/workshop-link';
import { useShownAgain } from '../../../services/page/shown-again';
import '../../../services/api/staff-contracts';

type Step = 'receive' | 'recordFee';

/**
 * The committee secretary's list after formal review, round by round, searchable by name: 已接收材料
 * when the paper materials arrive, 已缴费 with the amount, the day and the receipt's number when the
 * fee is paid (only then is a senior applicant scheduled for the defense); those past both folded.
 */
function CommitteeQueue() {
  const loaded = useCall('committee', 'queue', {});
  const [items, setItems] = useState<readonly CommitteeItem[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // What went wrong, said under the application it was about.
  const [problem, setProblemOf] = useState<{ readonly id: string; readonly error: AppError } | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [paying, setPaying] = useState<string | null>(null);
  const [search, setSearch] = useState('');
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

  async function act(item: CommitteeItem, step: Step, payment: FeePaymentInput | null = null, receipt: { ref: string; sha256: string } | null = null) {
    if (busy && !receipt) return;
    if (!receipt && !(await confirm(step === 'receive' ? CONFIRM.receive(item.applicantName) : CONFIRM.recordFee(item.applicantName)))) return;
    const key = `${item.id}|${step}`;
    if (pendingAct.current?.key !== key) pendingAct.current = { key, requestId: newRequestId() };
    setBusy(key);
    setProblemOf(null);
    const answer = step === 'receive' ? await call('committee', 'receive', { applicationId: item.id, requestId: pendingAct.current.requestId }) : await call('committee', 'recordFee', { applicationId: item.id, requestId: pendingAct.current.requestId, payment: payment!, receipt });
    setBusy(null);
    if (answer.ok) {
      pendingAct.current = null;
      setPaying(null);
      setItems(answer.value);
    } else {
      if (answer.error.code !== 'NETWORK.UNREACHABLE' && answer.error.code !== 'NETWORK.TIMEOUT') pendingAct.current = null;
      setProblemOf({ id: item.id, error: answer.error });
    }
  }

  /** 拍收据: the receipt photographed (or picked), uploaded, then the fee recorded with it. */
  async function withReceipt(item: CommitteeItem, payment: FeePaymentInput) {
    if (busy || !personId) return;
    if (!(await confirm(CONFIRM.recordFee(item.applicantName)))) return;
    const picked = await pickPhotos(1);
    if (!picked.ok) {
      if (!picked.cancelled) setProblemOf({ id: item.id, error: { code: 'FILE.BAD_TYPE', message: picked.message } });
      return;
    }
    const key = `${item.id}|receipt`;
    setBusy(key);
    setProblemOf(null);
    const uploaded = await uploadPhoto(personId, picked.photos[0]!, (stage) => setUploading(stage.kind === 'uploading' ? `正在上传收据 ${Math.round(stage.fraction * 100)}%…` : '正在处理收据照片…'));
    setUploading(null);
    if (!uploaded.ok) {
      setBusy(null);
      setProblemOf({ id: item.id, error: uploaded.error });
      return;
    }
    // The photo is checked by the function that reads images; the fee is then recorded with it.
    setUploading('正在检查收据照片…');
    const checked = await call('applications', 'checkPhoto', uploaded.value);
    setUploading(null);
    if (!checked.ok) {
      setBusy(null);
      setProblemOf({ id: item.id, error: checked.error });
      return;
    }
    await act(item, 'recordFee', payment, checked.value);
  }

  const today = beijingDate(serverNow());
  const shown = search.trim() === '' ? list : list.filter((i) => i.applicantName.includes(search.trim()));
  const openIn = (roundId: string) => shown.some((i) => i.roundId === roundId && (i.mayReceive || i.mayRecordFee));
  // Rounds with something to do first.
  const rounds = [...new Map(shown.map((i) => [i.roundId, i.roundTitle])).entries()].sort(([a], [b]) => Number(openIn(b)) - Number(openIn(a)));
  const row = (item: CommitteeItem) => (
    <View key={item.id} className='committee__item'>
      <View className='committee__item-head'>
        <Text className='committee__name'>{item.applicantName}</Text>
        <Text className='committee__meta'>{item.label}</Text>
      </View>
      <Text className='committee__badge'>{item.statusText}</Text>
      {item.feeYuan !== null && item.mayRecordFee ? <Text className='committee__meta'>应缴评审费 {item.feeYuan} 元</Text> : null}
      {problem?.id === item.id ? <ProblemAlert problem={problem.error} /> : null}
      {item.payment ? <Text className='committee__meta'>{`已缴 ${item.payment.amountYuan} 元（${chineseDate(item.payment.paidOn)}，收据号 ${item.payment.receiptNo}）`}</Text> : null}
      {paying === item.id ? (
        <FeeForm
          feeYuan={item.feeYuan}
          today={today}
          busy={busy === `${item.id}|recordFee` ? 'plain' : busy === `${item.id}|receipt` ? (uploading ?? 'photo') : busy}
          onRecord={(payment, withPhoto) => void (withPhoto ? withReceipt(item, payment) : act(item, 'recordFee', payment))}
          onCancel={() => setPaying(null)}
        />
      ) : (
        <View className='committee__actions'>
          {item.mayReceive ? (
            <ActionButton tone='light' disabled={busy !== null} onTap={() => void act(item, 'receive')}>
              {busy === `${item.id}|receive` ? '正在登记…' : '已接收材料'}
            </ActionButton>
          ) : null}
          {item.mayRecordFee ? (
            <ActionButton tone='light' disabled={busy !== null} onTap={() => setPaying(item.id)}>
              已缴费
            </ActionButton>
          ) : null}
          {item.receiptUrl ? (
            <ActionButton tone='plain' onTap={() => void previewImages([item.receiptUrl!], item.receiptUrl!)}>
              查看缴费收据
            </ActionButton>
          ) : null}
        </View>
      )}
    </View>
  );

  return (
    <View className='committee'>
      <WorkshopLink />
      {list.length === 0 ? <EmptyView title='还没有通过形式审核的申报' hint='地（州）人社局审核通过后，申报会出现在这里，再登记接收材料和缴费。' /> : null}
      {list.length > 0 ? (
        <>
          <Input className='session-form__input' value={search} placeholder='按姓名查找' aria-label='按姓名查找' onInput={(e) => setSearch(e.detail.value)} />
          <Text className='committee__note'>纸质材料送到后点“已接收材料”；缴清评审费后点“已缴费”，按收据填写金额、日期和收据号，可拍收据一并登记。需要答辩的申报人缴费后才排答辩。</Text>
          {shown.length === 0 ? <EmptyView title={`没有找到“${search.trim()}”`} hint='换一个姓名试试，或清空查找。' /> : null}
          {rounds.map(([roundId, title]) => {
            const ofRound = shown.filter((i) => i.roundId === roundId);
            const open = ofRound.filter((i) => i.mayReceive || i.mayRecordFee);
            const done = ofRound.filter((i) => !i.mayReceive && !i.mayRecordFee);
            return (
              <View key={roundId} className='committee__card'>
                <Text className='committee__heading'>{title}</Text>
                <Text className='committee__note'>待办 {open.length} 人，已办理 {done.length} 人</Text>
                {open.map(row)}
                {done.length > 0 ? (
                  <Fold title={`已办理 ${done.length} 人`} hint='已缴费及之后的申报'>
                    {done.map(row)}
                  </Fold>
                ) : null}
              </View>
            );
          })}
        </>
      ) : null}
    </View>
  );
}

export default withSystemFont(CommitteeQueue);
