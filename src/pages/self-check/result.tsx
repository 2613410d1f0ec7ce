import { Button, Text, View } from '@tarojs/components';
import { goBack, replacePage } from '../../services/page/navigate';
import { useEffect, useMemo, useState } from 'react';
import { EmptyView } from '../../components/status-view';
import { withSystemFont } from '../../components/system-font';
import { assess } from '../../core/eligibility/assess';
import { ownReasons, summarizeAssessment } from '../../core/eligibility/result.summary';
import { errorKind, type AppError } from '../../core/errors';
import type { Source } from '../../core/round/round.schema';
import { formatBeijingMoment, formatBeijingShort } from '../../core/time/format';
import { timeLeftText } from '../../core/time/time-left';
import { profileForRound } from '../../features/self-check/profile-for-round';
import { loadDraft, saveDraft } from '../../features/self-check/storage';
import { LEVEL_LABELS } from '../../core/eligibility/labels';
import { StartApplication } from '../../features/application/start-application';
import { AnswerFirst, OutList } from '../../features/self-check/ui/answer-first';
import { ClauseSheet } from '../../components/clause/clause-sheet';
import { ConfirmList } from '../../features/self-check/ui/confirm-list';
import { Fold } from '../../components/fold';
import { MaterialsList } from '../../components/materials-list';
import { NextSteps } from '../../features/self-check/ui/next-steps';
import { OfferCard, ReasonRow } from '../../features/self-check/ui/offer-card';
import { call } from '../../services/api/client';
import { cachedRound } from '../../services/rounds';
import { serverNow } from '../../services/server-time';
import '../../features/self-check/ui/result.scss';

type Saved = { readonly state: 'saving' } | { readonly state: 'saved' } | { readonly state: 'failed'; readonly error: AppError };

/** What the result says about saving the answers: a refusal is not a network failure. */
function savedText(saved: Saved): string {
  if (saved.state === 'saving') return '正在保存您的答案…';
  if (saved.state === 'saved') return '答案已保存到您的账号，开始申报时直接使用。';
  const kind = errorKind(saved.error.code);
  if (kind === 'network') return '暂时连不上服务器，答案已保存在本机，联网后重新查看结果即可同步。';
  if (kind === 'refused') return `答案没有保存到服务器：${saved.error.message}答案仍保存在本机。`;
  return '服务器暂时出错，答案没有保存到服务器，已保存在本机。请稍后重新查看结果以同步。';
}

/**
 * The self-check's result, computed on the phone from the saved answers and the cached round: the
 * answer on the first screen, then what to confirm, then the details, each folded until tapped.
 */
function SelfCheckResult() {
  const [clause, setClause] = useState<Source | null>(null);
  const [saved, setSaved] = useState<Saved>({ state: 'saving' });
  const computed = useMemo(() => {
    const draft = loadDraft();
    const round = draft ? cachedRound(draft.roundId) : null;
    if (!draft || !round) return null;
    const profile = profileForRound(draft.profile, round);
    const assessment = assess(profile, round, serverNow());
    return { draft, round, profile, assessment, summary: summarizeAssessment(assessment, profile, round) };
  }, []);

  // The answers go to the server too, so the application can start from them on any phone;
  // without the network they stay on this phone and the result above is unaffected.
  useEffect(() => {
    if (!computed) return;
    void call('eligibility', 'saveAnswers', { roundId: computed.round.id, profile: computed.profile }).then((result) =>
      setSaved(result.ok ? { state: 'saved' } : { state: 'failed', error: result.error }),
    );
  }, [computed]);

  if (!computed) {
    return (
      <View>
        <EmptyView title='还没有自测答案' hint='请先回答自测问题，结果会显示在这里。' />
        <Button className='result__again' onClick={() => void replacePage('/pages/self-check/index')}>
          开始自测
        </Button>
      </View>
    );
  }

  const { round, assessment, summary, draft } = computed;
  // The round's state leads the answer. The window is per person, so it speaks only when every offer says the same.
  const windows = assessment.offers.map((o) => o.window);
  const same = windows.length > 0 && windows.every((w) => w.state === windows[0]!.state) ? windows[0]! : null;
  const now = serverNow();
  const editAnswers = () => {
    saveDraft({ ...draft, view: 'answers' });
    void goBack();
  };
  return (
    <View className='result'>
      <View className='result__intro'>
        <Text className='result__round'>{round.title}</Text>
        {same?.state === 'closed' && same.end ? (
          <Text className='result__closed'>已截止：本批次网上申报已于 {formatBeijingMoment(new Date(same.end))}（北京时间）截止，结果可供明年申报参考。</Text>
        ) : null}
        {same?.state === 'not_started' && same.start ? (
          <Text className='result__state'>未开始：{formatBeijingMoment(new Date(same.start))}（北京时间）起网上申报，现在可以先准备材料。</Text>
        ) : null}
        {same?.state === 'open' && same.end ? (
          <Text className='result__state'>
            申报中：{formatBeijingShort(new Date(same.end))} 截止（北京时间，{timeLeftText(new Date(same.end), now)}）
          </Text>
        ) : null}
      </View>

      <AnswerFirst
        summary={summary}
        opensLater={same?.state === 'not_started'}
        onClause={setClause}
        // An application starts from the answers saved on the server, so only once they are.
        action={(offer) =>
          offer.window.state === 'closed' ? null : (
            <StartApplication roundId={round.id} offerKey={offer.key} ready={saved.state === 'saved'} levelName={LEVEL_LABELS[offer.level]} />
          )
        }
      />
      <ConfirmList items={summary.toConfirm} contacts={round.contacts.slice(0, 1).map((c) => c.phones[0] ?? '').filter((p) => p !== '')} onClause={setClause} />
      <OutList summary={summary} onClause={setClause} />

      {summary.listed.length > 0 ? (
        <View className='result__details'>
          <Fold title={`判断依据、费用和时间（${summary.listed.length} 项）`} hint='点开查看每一项的详情'>
            {summary.shared.length > 0 ? (
              <View className='result__shared'>
                <Text className='result__section-title'>各项共同的依据</Text>
                {summary.shared.map((reason, i) => (
                  <ReasonRow key={`${reason.code}-${i}`} reason={reason} onClause={setClause} />
                ))}
              </View>
            ) : null}
            {summary.listed.map((offer) => (
              <OfferCard key={offer.key} offer={offer} reasons={ownReasons(offer, summary.shared)} onClause={setClause} />
            ))}
          </Fold>
          {summary.materials.length > 0 ? (
            <Fold title={`要准备的材料（${summary.materials.length} 项）`} hint='每项只列一次，写明要遮挡什么'>
              <MaterialsList materials={summary.materials} maskEverywhere={summary.maskEverywhere} />
            </Fold>
          ) : null}
        </View>
      ) : null}

      <NextSteps round={round} inApp={windows.some((w) => w.state !== 'closed')} />
      <View className='result__footer'>
        <Text className='result__caveat'>自测结果仅供参考，以单位和人社部门审核为准。</Text>
        <Text className='result__saved'>{savedText(saved)}</Text>
      </View>

      <Button className='result__again' onClick={editAnswers}>
        修改回答
      </Button>
      {clause ? <ClauseSheet source={clause} noticeTitle={round.title} onClose={() => setClause(null)} /> : null}
    </View>
  );
}

export default withSystemFont(SelfCheckResult);
