import { Button, Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '../../services/page/lifecycle';
import { openPage } from '../../services/page/navigate';
import { useEffect, useMemo, useState } from 'react';
import { ErrorView, LoadingView } from '../../components/status-view';
import { withSystemFont } from '../../components/system-font';
import { inPrefecture, ownRegionFirst } from '../../core/round/round.summary';
import type { Profile } from '../../core/eligibility/profile';
import type { AppError } from '../../core/errors';
import type { Round } from '../../core/round/round.schema';
import { beijingDate } from '../../core/time/beijing';
import { checkMonths } from '../../features/self-check/answer-checks';
import { carryAnswers, hasAnswers, prefillFromAccount } from '../../features/self-check/carry-answers';
import { countiesOf, nextQuestion, titleOf, visibleQuestions, type Question, type QuestionContext } from '../../features/self-check/questions';
import { loadDraft, saveDraft } from '../../features/self-check/storage';
import { AnswersView } from '../../features/self-check/ui/answers-view';
import { ChoiceList } from '../../features/self-check/ui/choice-list';
import { QuestionBody, QuestionHeader } from '../../features/self-check/ui/question-screen';
import { useSettled } from '../../features/self-check/use-settled';
import { useBackGesture } from '../../services/platform/back-gesture';
import { useCall } from '../../services/api/use-call';
import { cachedRound, loadRound } from '../../services/rounds';
import { serverNow } from '../../services/server-time';
import './index.scss';

type Stage =
  | { kind: 'pick-round' }
  | { kind: 'loading-round'; roundId: string }
  | { kind: 'round-failed'; roundId: string; error: AppError }
  | { kind: 'questions'; round: Round; offline: boolean };

/** Where the person is among the questions: asking in order, or on the answer summary. */
type View = { kind: 'ask' } | { kind: 'answers' } | { kind: 'edit'; visibleBefore: readonly string[] };

/**
 * 资格自测: one question per screen, "不确定" always allowed, answers kept on the phone. Once the
 * round is loaded nothing here needs the network; the verdicts are computed on the phone.
 */
function SelfCheck() {
  const draft = useMemo(loadDraft, []);
  /** Opened from a round's page: start with that round. */
  const askedRound = useRouter().params.roundId;
  const rounds = useCall('rounds', 'list', {});
  const me = useCall('account', 'me', {});
  const [stage, setStage] = useState<Stage>(() => {
    if (askedRound && askedRound !== draft?.roundId) return { kind: 'loading-round', roundId: askedRound };
    const cached = draft ? cachedRound(draft.roundId) : null;
    return cached ? { kind: 'questions', round: cached, offline: false } : { kind: 'pick-round' };
  });

  // Resuming from the phone's copy; refresh it when the network is there, say so when it is not.
  useEffect(() => {
    if (!draft || stage.kind !== 'questions') return;
    void loadRound(draft.roundId).then((loaded) => {
      if (loaded.ok) setStage({ kind: 'questions', round: loaded.value.round, offline: loaded.value.offline });
    });
    // Only once, for the draft the page opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [profile, setProfile] = useState<Profile>(draft?.profile ?? {});
  /** The round the answers were given for. */
  const [answersFor, setAnswersFor] = useState<string | null>(draft?.roundId ?? null);
  const [questionId, setQuestionId] = useState<string | null>(draft?.questionId ?? null);
  const [view, setView] = useState<View>(draft?.view === 'answers' ? { kind: 'answers' } : { kind: 'ask' });
  /** Answers brought over from another round: said once, on the first screen. */
  const [carried, setCarried] = useState(false);
  /** Whether what is typed on screen can be kept (a number refused with a message cannot). */
  const [inputValid, setInputValid] = useState(true);
  /** The choice question whose 下一题 was tapped with nothing chosen: it says what to do. */
  const [nudged, setNudged] = useState<string | null>(null);

  useEffect(() => {
    if (stage.kind === 'loading-round' && askedRound === stage.roundId) void pickRound(askedRound);
    // Once, for the round the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // 修改回答 on the result comes back here asking for the answer summary.
  useDidShow(() => {
    const current = loadDraft();
    if (current?.view === 'answers') {
      setView({ kind: 'answers' });
      saveDraft({ roundId: current.roundId, profile: current.profile, questionId: current.questionId });
    }
  });

  const round = stage.kind === 'questions' ? stage.round : null;
  const now = serverNow();
  const ctx: QuestionContext | null = round ? { round, year: round.year, latestMonth: beijingDate(now).slice(0, 7) } : null;
  const visible = ctx ? visibleQuestions(profile, ctx) : [];
  const index = Math.max(0, visible.findIndex((q) => q.id === questionId));
  const question = visible[index];
  const screenKey = stage.kind !== 'questions' ? stage.kind : view.kind === 'answers' ? 'answers' : (question?.id ?? 'none');
  const { settled, guard, hold } = useSettled(screenKey);
  // The phone's back gesture steps back through the questions (and from a changed answer to the
  // summary) instead of leaving the self-check; on the first question it leaves as usual.
  const backGesture = useBackGesture(stage.kind === 'questions' && (view.kind === 'edit' || index > 0), () => back());

  useEffect(() => {
    if (round) saveDraft({ roundId: round.id, profile, questionId: question?.id ?? null });
  }, [round, profile, question?.id]);
  useEffect(() => setInputValid(true), [screenKey]);

  async function pickRound(roundId: string) {
    setStage({ kind: 'loading-round', roundId });
    const loaded = await loadRound(roundId);
    if (!loaded.ok) return setStage({ kind: 'round-failed', roundId, error: loaded.error });
    const next = loaded.value.round;
    if (answersFor !== roundId) {
      // Another round: keep what is about the person, drop what belonged to the old round.
      const from = answersFor ? cachedRound(answersFor) : null;
      const kept = carryAnswers(profile, next, from);
      setCarried(hasAnswers(kept));
      setProfile(me.status === 'ready' ? prefillFromAccount(kept, me.data, next, countiesOf(next)) : kept);
      setAnswersFor(roundId);
    }
    setQuestionId(null);
    setView({ kind: 'ask' });
    setStage({ kind: 'questions', round: next, offline: loaded.value.offline });
  }

  /** Keeps the answers and moves on: to the next question, back to the summary, or to the result. */
  function advance(current: Question, next: Profile, context: QuestionContext) {
    hold();
    setProfile(next);
    setCarried(false);
    const following = nextQuestion(current, next, context);
    if (view.kind === 'edit') {
      // A changed answer can open a question that was not asked before: ask it, then go back.
      if (following && !view.visibleBefore.includes(following.id)) return setQuestionId(following.id);
      return setView({ kind: 'answers' });
    }
    if (following) return setQuestionId(following.id);
    openResult(next, context, current.id);
  }

  function openResult(answers: Profile, context: QuestionContext, at: string | null) {
    hold();
    // The result page reads the saved answers as it opens: save them now, not after this render.
    saveDraft({ roundId: context.round.id, profile: answers, questionId: at });
    void openPage('/pages/self-check/result');
  }

  function back() {
    hold();
    if (view.kind === 'edit') return setView({ kind: 'answers' });
    const previous = visible[index - 1];
    if (previous) setQuestionId(previous.id);
    else setStage({ kind: 'pick-round' });
  }

  if (stage.kind === 'loading-round') return <LoadingView label='正在读取评审批次的条件…' />;
  if (stage.kind === 'round-failed') {
    return <ErrorView error={stage.error} onRetry={() => void pickRound(stage.roundId)} />;
  }
  if (stage.kind === 'pick-round') {
    if (rounds.status === 'loading') return <LoadingView label='正在读取评审批次…' />;
    if (rounds.status === 'error') return <ErrorView error={rounds.error} onRetry={rounds.reload} />;
    const mine = me.status === 'ready' ? me.data : null;
    return (
      <View className={`self-check ${settled ? 'self-check--settled' : ''}`} aria-busy={!settled}>
        <QuestionHeader step={0} total={0} title='您要参加哪个评审批次？' hint='按您单位所在地区和专业，选择对应的评审通知。' />
        <ChoiceList
          allowUnsure={false}
          options={ownRegionFirst(rounds.data, mine?.prefecture ?? null).map((r) => ({ value: r.id, label: r.title, hint: mine && inPrefecture(r, mine.prefecture) ? `${r.issuer} · 您所在地区` : r.issuer }))}
          selected={answersFor ?? undefined}
          onSelect={guard((id) => void pickRound(id))}
        />
      </View>
    );
  }

  if (!ctx) return <LoadingView label='正在准备问题…' />;
  if (view.kind === 'answers') {
    return (
      <View className={`self-check ${settled ? 'self-check--settled' : ''}`} aria-busy={!settled}>
        <QuestionHeader step={0} total={0} title='您的回答' hint='点任一项即可修改，改完回到这里。' />
        <AnswersView
          profile={profile}
          ctx={ctx}
          onEdit={guard((id: string) => {
            hold();
            setView({ kind: 'edit', visibleBefore: visible.map((q) => q.id) });
            setQuestionId(id);
          })}
          onResult={guard(() => openResult(profile, ctx, question?.id ?? null))}
        />
      </View>
    );
  }
  if (!question) return <LoadingView label='正在准备问题…' />;

  const findings = checkMonths(question, profile, ctx);
  const unanswered = question.kind === 'month' && question.read(profile) === undefined;
  // A choice moves on when one is tapped; 下一题 with none chosen says what to do instead of skipping.
  const unchosen = (question.kind === 'choice' || question.kind === 'specialty') && question.read(profile) === undefined;
  const blocked = !inputValid || findings.errors.length > 0 || unanswered || unchosen;
  const isLast = nextQuestion(question, profile, ctx) === null;
  const editing = view.kind === 'edit';
  return (
    <View className={`self-check ${settled ? 'self-check--settled' : ''}`} aria-busy={!settled}>
      {backGesture}
      <QuestionHeader step={index + 1} total={visible.length} certain={isLast} title={titleOf(question, ctx)} hint={question.hint} />
      {stage.offline ? <Text className='self-check__offline'>当前无网络，使用上次下载的批次条件。</Text> : null}
      {carried ? <Text className='self-check__carried'>已沿用您在上一个批次的回答，请逐题确认。</Text> : null}
      <QuestionBody
        question={question}
        profile={profile}
        ctx={ctx}
        onChange={setProfile}
        onValidity={setInputValid}
        // A choice moves on by itself.
        onChoose={guard((next: Profile) => advance(question, next, ctx))}
      />
      {findings.errors.map((e) => (
        <Text key={e} className='field-error'>
          {e}
        </Text>
      ))}
      {findings.warnings.map((w) => (
        <Text key={w} className='field-warning'>
          {w}
        </Text>
      ))}
      <View className='self-check__nav'>
        <Button className='nav-button nav-button--secondary' onClick={guard(back)}>
          {editing ? '返回汇总' : '上一题'}
        </Button>
        {question.kind === 'month' || question.kind === 'number' ? (
          <Button className='nav-button nav-button--secondary' onClick={guard(() => advance(question, question.write(profile, undefined), ctx))}>
            不确定
          </Button>
        ) : null}
        <Button
          className={`nav-button nav-button--primary ${blocked ? 'nav-button--off' : ''}`}
          aria-disabled={blocked}
          onClick={guard(() => {
            if (!blocked) advance(question, profile, ctx);
            else if (unchosen) setNudged(question.id);
          })}
        >
          {editing ? '确定' : isLast ? '查看结果' : '下一题'}
        </Button>
      </View>
      {unanswered ? <Text className='self-check__note'>请选择年月；记不清可以点“不确定”。</Text> : null}
      {unchosen && nudged === question.id ? <Text className='self-check__note'>请先选择上面的一项；不清楚可以选“不确定”。</Text> : null}
      {!editing && visible.some((q, i) => i < index && q.id !== question.id) ? (
        <View className='self-check__summary-link' hoverClass='self-check__summary-link--pressed' role='button' onClick={guard(() => setView({ kind: 'answers' }))}>
          查看和修改已答的题目 ›
        </View>
      ) : null}
    </View>
  );
}

export default withSystemFont(SelfCheck);
