import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { ErrorView, LoadingView } from '../../components/status-view';
import type { Profile } from '../../core/eligibility/profile';
import type { AppError } from '../../core/errors';
import type { Round } from '../../core/round/round.schema';
import { titleOf, visibleQuestions, type Question, type QuestionContext } from '../../features/self-check/questions';
import { loadDraft, saveDraft } from '../../features/self-check/storage';
import { ChoiceList, UNSURE } from '../../features/self-check/ui/choice-list';
import { DateField } from '../../features/self-check/ui/date-field';
import { HoursField } from '../../features/self-check/ui/hours-field';
import { RowsField } from '../../features/self-check/ui/rows-field';
import { Stepper } from '../../features/self-check/ui/stepper';
import { useCall } from '../../services/api/use-call';
import { cachedRound, loadRound } from '../../services/rounds';
import './index.scss';
import { withSystemFont } from '../../components/system-font';

type Stage =
  | { kind: 'pick-round' }
  | { kind: 'loading-round'; roundId: string }
  | { kind: 'round-failed'; roundId: string; error: AppError }
  | { kind: 'questions'; round: Round; offline: boolean };

/**
 * 资格自测: one question per screen, "不确定" always allowed, answers kept on the phone. Once the
 * round is loaded nothing here needs the network; the verdicts are computed on the phone.
 */
function SelfCheck() {
  const draft = useMemo(loadDraft, []);
  const rounds = useCall('rounds', 'list', {});
  const [stage, setStage] = useState<Stage>(() => {
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
  /** The round the answers were given for: going back to another round starts afresh. */
  const [answersFor, setAnswersFor] = useState<string | null>(draft?.roundId ?? null);
  const [questionId, setQuestionId] = useState<string | null>(draft?.questionId ?? null);

  const round = stage.kind === 'questions' ? stage.round : null;
  const ctx: QuestionContext | null = round ? { round, year: round.year } : null;
  const visible = ctx ? visibleQuestions(profile, ctx) : [];
  const index = Math.max(0, visible.findIndex((q) => q.id === questionId));
  const question = visible[index];

  useEffect(() => {
    if (round) saveDraft({ roundId: round.id, profile, questionId: question?.id ?? null });
  }, [round, profile, question?.id]);

  async function pickRound(roundId: string) {
    setStage({ kind: 'loading-round', roundId });
    const loaded = await loadRound(roundId);
    if (!loaded.ok) return setStage({ kind: 'round-failed', roundId, error: loaded.error });
    if (answersFor !== roundId) {
      setProfile({});
      setAnswersFor(roundId);
    }
    setQuestionId(null);
    setStage({ kind: 'questions', round: loaded.value.round, offline: loaded.value.offline });
  }

  /** Keeps the answers and moves to the question after this one, as the new answers decide. */
  function advance(current: Question, next: Profile, context: QuestionContext) {
    setProfile(next);
    const after = visibleQuestions(next, context);
    const following = after[after.findIndex((q) => q.id === current.id) + 1];
    if (following) return setQuestionId(following.id);
    // The result page reads the saved answers as it opens: save them now, not after this render.
    saveDraft({ roundId: context.round.id, profile: next, questionId: current.id });
    void Taro.navigateTo({ url: '/pages/self-check/result' });
  }

  function back() {
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
    return (
      <View className='self-check'>
        <Header step={0} total={0} title='您要参加哪个评审批次？' hint='按您单位所在地区和专业，选择对应的评审通知。' />
        <ChoiceList
          allowUnsure={false}
          options={rounds.data.map((r) => ({ value: r.id, label: r.title, hint: r.issuer }))}
          selected={answersFor ?? undefined}
          onSelect={(id) => void pickRound(id)}
        />
      </View>
    );
  }

  if (!question || !ctx) return <LoadingView label='正在准备问题…' />;
  const isLast = index === visible.length - 1;
  return (
    <View className='self-check'>
      <Header step={index + 1} total={visible.length} title={titleOf(question, ctx)} hint={question.hint} />
      {stage.offline ? <Text className='self-check__offline'>当前无网络，使用上次下载的批次条件。</Text> : null}
      <QuestionBody
        question={question}
        profile={profile}
        ctx={ctx}
        onChange={setProfile}
        // A choice moves on by itself.
        onChoose={(next) => advance(question, next, ctx)}
      />
      <View className='self-check__nav'>
        <Button className='nav-button nav-button--secondary' onClick={back}>
          上一题
        </Button>
        {question.kind === 'date' || question.kind === 'number' ? (
          <Button className='nav-button nav-button--secondary' onClick={() => advance(question, record(question, profile, ctx, 'unsure'), ctx)}>
            不确定
          </Button>
        ) : null}
        <Button className='nav-button nav-button--primary' onClick={() => advance(question, record(question, profile, ctx, 'shown'), ctx)}>
          {isLast ? '查看结果' : '下一题'}
        </Button>
      </View>
    </View>
  );
}

function Header({ step, total, title, hint }: { step: number; total: number; title: string; hint?: string }) {
  return (
    <View className='self-check__header'>
      {total > 0 ? (
        <View className='progress' aria-label={`第 ${step} 题，共 ${total} 题`}>
          <Text className='progress__text'>
            第 {step} 题 / 共 {total} 题
          </Text>
          <View className='progress__bar'>
            <View className='progress__fill' style={{ width: `${Math.round((step / total) * 100)}%` }} />
          </View>
        </View>
      ) : null}
      <Text className='self-check__title'>{title}</Text>
      {hint ? <Text className='self-check__hint'>{hint}</Text> : null}
    </View>
  );
}

function QuestionBody({
  question,
  profile,
  ctx,
  onChange,
  onChoose,
}: {
  question: Question;
  profile: Profile;
  ctx: QuestionContext;
  onChange: (profile: Profile) => void;
  onChoose: (profile: Profile) => void;
}) {
  switch (question.kind) {
    case 'choice': {
      const current = question.read(profile);
      return (
        <ChoiceList
          options={question.options(ctx)}
          selected={current}
          onSelect={(value) => onChoose(question.write(profile, value === UNSURE ? undefined : value))}
        />
      );
    }
    case 'date': {
      const value = question.read(profile);
      const shown = value ?? question.suggest(profile, ctx);
      return (
        <View>
          <DateField value={shown} maxYear={ctx.year + 1} onChange={(v) => onChange(question.write(profile, v))} />
          <Text className='self-check__note'>
            {value === undefined ? '已按常见情况预填，请调整为您的实际日期。' : '请确认日期无误。'}不清楚可点"不确定"。
          </Text>
        </View>
      );
    }
    case 'number': {
      const value = question.read(profile);
      return (
        <View>
          <Stepper
            label={question.unit === '年' ? '年数' : '数量'}
            unit={question.unit}
            value={value ?? question.min}
            min={question.min}
            max={question.max}
            onChange={(v) => onChange(question.write(profile, v))}
          />
          <Text className='self-check__note'>请调整为您的实际情况，不清楚可点"不确定"。</Text>
        </View>
      );
    }
    case 'rows':
      return (
        <RowsField
          rows={question.rows(ctx)}
          options={question.options}
          read={(key) => question.read(profile, key)}
          onChange={(key, v) => onChange(question.write(profile, key, v))}
        />
      );
    case 'hours':
      return (
        <HoursField
          years={question.years(ctx)}
          read={(year) => question.read(profile, year)}
          onChange={(year, hours) => onChange(question.write(profile, year, hours))}
        />
      );
  }
}

/** The profile after leaving a question by its buttons: a date or number question records the
 * value on screen as the person saw it, or unknown; other questions keep what was chosen. */
function record(question: Question, profile: Profile, ctx: QuestionContext, answer: 'shown' | 'unsure'): Profile {
  if (question.kind === 'date') {
    if (answer === 'unsure') return question.write(profile, undefined);
    return question.read(profile) === undefined ? question.write(profile, question.suggest(profile, ctx)) : profile;
  }
  if (question.kind === 'number') {
    if (answer === 'unsure') return question.write(profile, undefined);
    return question.read(profile) === undefined ? question.write(profile, question.min) : profile;
  }
  return profile;
}

export default withSystemFont(SelfCheck);
