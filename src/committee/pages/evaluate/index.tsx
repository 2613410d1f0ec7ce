import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '../../../services/page/lifecycle';
import { previewImages } from '../../../services/ui/dialogs';
import { useEffect, useRef, useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { EmptyView, ErrorView, LoadingView } from '../../../components/status-view';
import { withSystemFont } from '../../../components/system-font';
import type { BlindItemView, ExpertPanelView } from '../../../core/contracts/evaluation';
import type { AppError } from '../../../core/errors';
import { VOTE_TEXT, type Vote } from '../../../core/evaluation/votes';
import { ChoiceRow } from '../../../features/committee/choice-row';
import { chineseDate } from '../../../core/review/template-fill';
import { ProblemAlert } from '../../../components/problem-alert';
import { call } from '../../../services/api/client';
import { useCall } from '../../../services/api/use-call';
import '../../../features/committee/committee.scss';
import '../../../services/api/staff-contracts';

const VOTES: readonly { value: Vote; text: string }[] = (['agree', 'disagree', 'abstain'] as const).map((v) => ({ value: v, text: VOTE_TEXT[v] }));

/**
 * An expert's meeting: the applications by number only (1号, 2号 …), each read blind (the name,
 * ID number and unit replaced in texts, images only as blind copies with the masks burned in) and
 * voted on; a vote can be changed until the secretary publishes the results.
 */
function Evaluate() {
  const params = useRouter().params;
  // Taro's H5 router hands the query over still encoded; WeChat decodes it.
  const meetingId = decodeURIComponent(params.meetingId ?? '');
  const panel = useCall('committee', 'panel', { meetingId });
  const [code, setCode] = useState(Math.max(1, Number(params.code ?? '1') || 1));
  const [item, setItem] = useState<BlindItemView | null>(null);
  const [itemProblem, setItemProblem] = useState<AppError | null>(null);
  const [votes, setVotes] = useState<Readonly<Record<number, Vote>>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);
  const latest = useRef(0);

  // The number asked for, if the expert may open it; else their first (one they are recused from is not theirs).
  const codes = panel.status === 'ready' ? panel.data.items.map((i) => i.code) : null;
  const shown = codes === null ? null : codes.includes(code) ? code : (codes[0] ?? null);

  useEffect(() => {
    if (shown === null) return;
    const ticket = ++latest.current;
    setItem(null);
    setItemProblem(null);
    setProblem(null);
    void call('committee', 'blindItem', { meetingId, code: shown }).then((answer) => {
      if (ticket !== latest.current) return;
      if (answer.ok) setItem(answer.value);
      else setItemProblem(answer.error);
    });
  }, [meetingId, shown]);

  if (panel.status === 'loading') return <LoadingView label='正在读取评审会…' />;
  if (panel.status === 'error') return <ErrorView error={panel.error} onRetry={panel.reload} />;
  const p: ExpertPanelView = panel.data;
  if (p.items.length === 0) return <EmptyView title='这次评审会没有需要您表决的申报' hint='您已回避全部申报，或秘书还没有加入申报：如有疑问请联系评审委员会秘书。' />;
  const voteOf = (c: number) => votes[c] ?? p.items.find((i) => i.code === c)?.myVote ?? null;

  async function vote(v: Vote) {
    if (busy || !item) return;
    setBusy(true);
    setProblem(null);
    const answer = await call('committee', 'vote', { meetingId, code: item.code, vote: v });
    setBusy(false);
    if (answer.ok) {
      setItem(answer.value);
      setVotes((all) => ({ ...all, [answer.value.code]: v }));
    } else setProblem(answer.error);
  }

  const voted = p.items.filter((i) => voteOf(i.code) !== null).length;
  return (
    <View className='committee meeting'>
      <View className='committee__card'>
        <Text className='committee__heading'>{chineseDate(p.heldOn)} 评审会</Text>
        <Text className='committee__line'>{p.roundTitle}</Text>
        <Text className='committee__meta'>
          共 {p.items.length} 份，已表决 {voted} 份
        </Text>
        {p.closedReason ? <Text className='committee__note'>{p.closedReason}{p.closedReason.includes('当天起') ? '现在可以先阅读材料。' : ''}</Text> : null}
        <View className='meeting__numbers' role='tablist' aria-label='申报编号'>
          {p.items.map((i) => (
            <View
              key={i.code}
              role='tab'
              aria-selected={i.code === shown}
              aria-label={`${i.code}号${voteOf(i.code) ? `，已表决：${VOTE_TEXT[voteOf(i.code)!]}` : '，未表决'}`}
              className={`meeting__number ${i.code === shown ? 'meeting__number--current' : ''} ${voteOf(i.code) ? 'meeting__number--voted' : ''}`}
              onClick={() => setCode(i.code)}
            >
              {i.code}
            </View>
          ))}
        </View>
      </View>

      {itemProblem ? <ErrorView error={itemProblem} onRetry={() => setCode((c) => c)} /> : null}
      {!item && !itemProblem ? <LoadingView label='正在读取材料…' /> : null}
      {item ? (
        <>
          <View className='committee__card'>
            <Text className='committee__heading'>{item.code}号</Text>
            <Text className='committee__line'>
              {item.label} · {item.specialtyName}
            </Text>
            <Text className='committee__meta'>{item.myVote ? `您已表决：${VOTE_TEXT[item.myVote]}` : '看完下面的材料后，在最下方表决。'}</Text>
          </View>

          <View className='committee__card'>
            <Text className='committee__subheading'>材料图片（已遮挡）</Text>
            {item.images.length === 0 ? <Text className='committee__note'>这份申报没有可在手机上查看的图片材料。</Text> : null}
            {item.images.map((image, i) => (
              <View key={image.url} className='committee__item'>
                <Text className='committee__meta'>{image.name}</Text>
                <Image
                  className='meeting__image'
                  src={image.url}
                  mode='widthFix'
                  ariaLabel={`${image.name}，点击放大`}
                  onClick={() => void previewImages(item.images.map((x) => x.url), item.images[i]!.url)}
                />
              </View>
            ))}
            {item.withheld.map((w) => (
              <Text key={w} className='committee__note'>
                · {w}
              </Text>
            ))}
          </View>

          {item.texts.length + item.entries.length > 0 ? (
            <View className='committee__card'>
              <Text className='committee__subheading'>填报内容（姓名、单位已隐去）</Text>
              {item.texts.map((t) => (
                <View key={t.name} className='committee__item'>
                  <Text className='committee__meta'>{t.name}</Text>
                  <Text className='meeting__text'>{t.text}</Text>
                </View>
              ))}
              {item.entries.map((e) => (
                <View key={e.name} className='committee__item'>
                  <Text className='committee__meta'>{e.name}</Text>
                  {e.rows.map((row, i) => (
                    <Text key={i} className='meeting__text'>
                      {row}
                    </Text>
                  ))}
                </View>
              ))}
            </View>
          ) : null}

          <View className='committee__card'>
            <Text className='committee__subheading'>您的表决{item.myVote ? `：${VOTE_TEXT[item.myVote]}` : ''}</Text>
            <ChoiceRow label={`${item.code}号的表决`} options={VOTES} value={item.myVote} disabled={!item.open || busy} onPick={(v) => void vote(v)} />
            {problem ? <ProblemAlert problem={problem} /> : null}
            {busy ? <Text className='committee__note'>正在保存表决…</Text> : null}
            <View className='committee__actions'>
              {step(item, -1) ? (
                <ActionButton tone='light' onTap={() => setCode(step(item, -1)!)}>
                  上一份
                </ActionButton>
              ) : null}
              {step(item, 1) ? (
                <ActionButton tone='light' onTap={() => setCode(step(item, 1)!)}>
                  下一份
                </ActionButton>
              ) : null}
            </View>
          </View>
        </>
      ) : null}
    </View>
  );
}

/** The number before or after this one among those the expert may open (recused ones are skipped). */
function step(item: BlindItemView, by: 1 | -1): number | undefined {
  return item.codes[item.codes.indexOf(item.code) + by];
}

export default withSystemFont(Evaluate);
