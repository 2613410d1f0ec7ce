import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { EmptyView } from '../../components/status-view';
import { assess } from '../../core/eligibility/assess';
import type { Verdict } from '../../core/eligibility/assessment';
import { errorKind, type AppError } from '../../core/errors';
import type { Source } from '../../core/round/round.schema';
import { profileForRound } from '../../features/self-check/questions';
import { loadDraft } from '../../features/self-check/storage';
import { ClauseSheet } from '../../features/self-check/ui/clause-sheet';
import { OfferCard } from '../../features/self-check/ui/offer-card';
import { formatBeijingMoment } from '../../core/time/format';
import { call } from '../../services/api/client';
import { cachedRound } from '../../services/rounds';
import { serverNow } from '../../services/server-time';
import '../../features/self-check/ui/result.scss';
import { withSystemFont } from '../../components/system-font';

const rank: Record<Verdict, number> = { eligible: 0, eligible_if: 1, not_yet: 2, ineligible: 3 };

type Saved = { readonly state: 'saving' } | { readonly state: 'saved' } | { readonly state: 'failed'; readonly error: AppError };

/** What the result says about saving the answers: a refusal is not a network failure. */
function savedText(saved: Saved): string {
  if (saved.state === 'saving') return '正在保存您的答案…';
  if (saved.state === 'saved') return '答案已保存，正式申报时可以直接使用。';
  const kind = errorKind(saved.error.code);
  if (kind === 'network') return '暂时连不上服务器，答案已保存在本机，联网后重新查看结果即可同步。';
  if (kind === 'refused') return `答案没有保存到服务器：${saved.error.message}答案仍保存在本机。`;
  return '服务器暂时出错，答案没有保存到服务器，已保存在本机。请稍后重新查看结果以同步。';
}

/** The self-check's verdicts, computed on the phone from the saved answers and the cached round. */
function SelfCheckResult() {
  const [clause, setClause] = useState<Source | null>(null);
  const [saved, setSaved] = useState<Saved>({ state: 'saving' });
  const computed = useMemo(() => {
    const draft = loadDraft();
    const round = draft ? cachedRound(draft.roundId) : null;
    if (!draft || !round) return null;
    const profile = profileForRound(draft.profile, { round, year: round.year });
    return { round, profile, assessment: assess(profile, round, serverNow()) };
  }, []);

  // The answers go to the server too, so the application can start from them on any phone;
  // without the network they stay on this phone and the result above is unaffected.
  useEffect(() => {
    if (!computed) return;
    void call('eligibility', 'assess', { roundId: computed.round.id, profile: computed.profile }).then((result) =>
      setSaved(result.ok ? { state: 'saved' } : { state: 'failed', error: result.error }),
    );
  }, [computed]);

  if (!computed) {
    return (
      <View>
        <EmptyView title='还没有自测答案' hint='请先回答自测问题，结果会显示在这里。' />
        <Button className='result__again' onClick={() => void Taro.redirectTo({ url: '/pages/self-check/index' })}>
          开始自测
        </Button>
      </View>
    );
  }

  const { round, assessment } = computed;
  const offers = [...assessment.offers].sort((a, b) => rank[a.verdict] - rank[b.verdict]);
  const count = (verdict: Verdict) => offers.filter((o) => o.verdict === verdict).length;
  const lead =
    count('eligible') + count('eligible_if') === 0
      ? '根据您的回答，本批次暂无可以申报的项目。'
      : `根据您的回答，可以申报 ${count('eligible')} 项${count('eligible_if') > 0 ? `，另有 ${count('eligible_if')} 项确认后可以申报` : ''}。`;
  // The window is per person, so the banner speaks only when every offer says the same.
  const closedUntil = offers.length > 0 && offers.every((o) => o.window.state === 'closed') ? offers[0]?.window.end : null;
  return (
    <View className='result'>
      <View className='result__intro'>
        <Text className='result__round'>{round.title}</Text>
        <Text className='result__lead'>{lead}</Text>
        {closedUntil ? (
          <Text className='result__closed'>
            本批次网上申报已于 {formatBeijingMoment(new Date(closedUntil))}（北京时间）截止，结果可供明年申报参考。
          </Text>
        ) : null}
        <Text className='result__caveat'>自测结果仅供参考，以单位和人社部门审核为准。点"依据"可查看通知原文。</Text>
        <Text className='result__saved'>{savedText(saved)}</Text>
      </View>

      {assessment.general.length > 0 ? (
        <View className='result__general'>
          {assessment.general.map((reason, i) => (
            <Text key={`${reason.code}-${i}`} className='result__general-line' onClick={() => setClause(reason.source)}>
              {reason.message}（依据：第 {reason.source.clause} 条）
            </Text>
          ))}
        </View>
      ) : null}

      {offers.length === 0 ? (
        <EmptyView title='本批次没有可评估的项目' hint='请返回首页，选择与您的专业和地区对应的评审批次。' />
      ) : (
        offers.map((offer) => <OfferCard key={offer.key} offer={offer} onClause={setClause} />)
      )}

      <Button className='result__again' onClick={() => void Taro.navigateBack()}>
        修改回答
      </Button>
      {clause ? <ClauseSheet source={clause} noticeTitle={round.title} onClose={() => setClause(null)} /> : null}
    </View>
  );
}

export default withSystemFont(SelfCheckResult);
