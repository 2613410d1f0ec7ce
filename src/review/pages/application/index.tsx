import { useRouter } from '../../../services/page/lifecycle';
import { Text, Textarea, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { ErrorView, LoadingView } from '../../../components/status-view';
import { withSystemFont } from '../../../components/system-font';
import type { ReviewView } from '../../../core/contracts/api';
import type { AppError } from '../../../core/errors';
import type { ReturnReason } from '../../../core/review/return-reasons';
import { beijingDate } from '../../../core/time/beijing';
import { Timeline } from '../../../features/application/timeline';
import { PublicityForm } from '../../../features/review/publicity-form';
import { ReasonForm } from '../../../features/review/reason-form';
import { ReviewMaterials } from '../../../features/review/review-materials';
import { ReviewPoints } from '../../../features/review/review-points';
import { DeclaredFacts } from '../../../features/review/declared-facts';
import { ProblemAlert } from '../../../components/problem-alert';
import { scrollToElement } from '../../../services/page/element';
import { UnitDocuments } from '../../../features/review/unit-documents';
import { ClauseSheet } from '../../../components/clause/clause-sheet';
import type { Source } from '../../../core/round/round.schema';
import { call } from '../../../services/api/client';
import { useCall } from '../../../services/api/use-call';
import { serverNow } from '../../../services/server-time';
import '../../../features/review/review.scss';
import { newRequestId } from '../../../services/api/request-id';
import { confirm } from '../../../services/ui/dialogs';
import { CONFIRM } from '../../../core/review/confirmations';
import '../../../services/api/staff-contracts';


/**
 * One application as its reviewer sees it: who and what, the materials (originals, zoomable), the
 * timeline, then what the reviewer may do now: the unit's publicity, approve with the opinion (the
 * round's standard text by default), or return with reasons. One act at a time; a double tap or a
 * retry is the same act.
 */
function ReviewApplication() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const loaded = useCall('review', 'get', { applicationId: id });
  const me = useCall('account', 'me', {});
  const [view, setView] = useState<ReviewView | null>(null);
  const [busy, setBusy] = useState<'approve' | 'return' | 'publicity' | null>(null);
  // What went wrong, said beside the control that failed (not at the top of a long page).
  const [problem, setProblem] = useState<{ readonly at: 'approve' | 'return' | 'publicity'; readonly error: AppError } | null>(null);
  const [opinion, setOpinion] = useState<string | null>(null);
  const [clause, setClause] = useState<Source | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [returnFor, setReturnFor] = useState<{ code: string; at: number } | null>(null);
  const requestId = useRef<string | null>(null);
  const first = loaded.status === 'ready' ? loaded.data : null;
  useEffect(() => {
    if (first) setView(first);
  }, [first]);

  if (loaded.status === 'loading' || (loaded.status === 'ready' && !view)) return <LoadingView label='正在读取申报…' />;
  if (loaded.status === 'error') return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  const v = view!;
  const a = v.application;

  async function act(kind: 'approve' | 'return', send: (requestId: string) => ReturnType<typeof call<'review', 'approve'>>) {
    if (busy) return;
    setBusy(kind);
    setProblem(null);
    // One id per act: a retry after a dropped reply is the same act, never a second.
    requestId.current ??= newRequestId();
    const result = await send(requestId.current);
    setBusy(null);
    if (result.ok) {
      requestId.current = null;
      setView(result.value);
    } else {
      if (result.error.code !== 'NETWORK.UNREACHABLE' && result.error.code !== 'NETWORK.TIMEOUT') requestId.current = null;
      setProblem({ at: kind, error: result.error });
    }
  }

  async function recordPublicity(from: string, to: string) {
    if (busy) return;
    setBusy('publicity');
    setProblem(null);
    const result = await call('review', 'recordPublicity', { applicationId: id, from, to });
    setBusy(null);
    if (result.ok) setView(result.value);
    else setProblem({ at: 'publicity', error: result.error });
  }

  const approve = async () => {
    if (busy || !(await confirm(CONFIRM.approve(v.applicantName)))) return;
    await act('approve', (rid) => call('review', 'approve', { applicationId: id, requestId: rid, opinion: opinion ?? v.standardOpinion, checked: [...checked] }));
  };
  const giveBack = async (reasons: readonly ReturnReason[]) => {
    if (busy || !(await confirm(CONFIRM.giveBack(v.applicantName, a.submissions, a.maxSubmissions)))) return;
    await act('return', (rid) => call('review', 'return', { applicationId: id, requestId: rid, reasons: [...reasons] }));
  };
  const mayAct = v.mayApprove || v.approveBlockedBy !== null || v.mayReturn;
  const returnItem = (code: string) => {
    setReturnFor({ code, at: Date.now() });
    scrollToElement('.reason-form--return');
  };
  const showPublicity = a.status === 'submitted' && (v.mayApprove || v.approveBlockedBy !== null) && v.publicityRequiredDays > 0 && v.standardOpinion.startsWith('本单位');

  return (
    <View className='review'>
      <View className='review__card'>
        <Text className='review__name'>{v.applicantName}</Text>
        <Text className='review__meta'>
          {a.unitName} · {a.label}
        </Text>
        <Text className='review__meta'>{a.roundTitle}</Text>
        <Text className='review__status'>{a.statusText}</Text>
        <Text className='review__meta'>
          已提交 {a.submissions} 次（最多 {a.maxSubmissions} 次）
        </Text>
      </View>
      <DeclaredFacts view={v} onClause={setClause} />
      {v.reviewPoints && (mayAct || v.pointsChecked.length > 0) ? (
        <ReviewPoints items={v.reviewPoints.items} source={v.reviewPoints.source} onClause={setClause} checked={mayAct ? checked : null} onChange={setChecked} earlier={v.pointsChecked} />
      ) : null}
      <ReviewMaterials application={a} facts={v.declared} onReturnItem={v.mayReturn ? returnItem : null} />
      <Timeline application={a} reader='reviewer' />
      {showPublicity ? (
        <PublicityForm recorded={v.publicity} requiredDays={v.publicityRequiredDays} today={beijingDate(serverNow())} texts={v.publicityTexts} busy={busy === 'publicity'} onRecord={(from, to) => void recordPublicity(from, to)} />
      ) : null}
      {problem?.at === 'publicity' ? <ProblemAlert problem={problem.error} /> : null}
      <UnitDocuments view={v} personId={me.status === 'ready' ? me.data.personId : null} onChanged={setView} />
      {v.mayApprove || v.approveBlockedBy ? (
        <View className='reason-form'>
          <Text className='review__heading'>审核意见</Text>
          <Textarea className='review__opinion' value={opinion ?? v.standardOpinion} maxlength={200} autoHeight aria-label='审核意见' onInput={(e) => setOpinion(e.detail.value)} />
          {v.approveBlockedBy ? <Text className='review__note'>{v.approveBlockedBy}</Text> : null}
          {problem?.at === 'approve' ? <ProblemAlert problem={problem.error} /> : null}
          <ActionButton disabled={!v.mayApprove || busy !== null} onTap={() => void approve()}>
            {busy === 'approve' ? '正在提交…' : '审核通过'}
          </ActionButton>
        </View>
      ) : null}
      {problem?.at === 'return' ? <ProblemAlert problem={problem.error} /> : null}
      {v.mayReturn ? <ReasonForm categories={a.materials.filter((m) => m.stage === 'online').map((m) => ({ code: m.code, name: m.name }))} busy={busy === 'return'} onReturn={(r) => void giveBack(r)} chosen={returnFor} /> : null}
      {!v.mayApprove && !v.approveBlockedBy && !v.mayReturn ? (
        <View className='review__card'>
          <Text className='review__note'>{a.status === 'returned' ? '已退回申报人修改：重新提交后，按审核顺序重新送审。' : '这份申报现在不需要您办理。'}</Text>
        </View>
      ) : null}
      {clause ? <ClauseSheet source={clause} noticeTitle={a.roundTitle} onClose={() => setClause(null)} /> : null}
    </View>
  );
}

export default withSystemFont(ReviewApplication);
