import { Input, Picker, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { RETURN_REASON_TEXT, ReturnReasonKind, type ReturnReason } from '../../core/review/return-reasons';
import './review.scss';

/**
 * Returning with reasons, one per material category: pick the category, what is wrong (材料不全,
 * 照片不清晰 …) and a few words; several reasons may be added; 退回 sends them all at once.
 */
export function ReasonForm({
  categories,
  busy,
  onReturn,
  chosen = null,
}: {
  /** Material categories by code and name, in the application's order. */
  categories: readonly { readonly code: string; readonly name: string }[];
  busy: boolean;
  onReturn: (reasons: readonly ReturnReason[]) => void;
  /** A material the reviewer named from its place on the page (退回此项): chosen here, each time it is named. */
  chosen?: { readonly code: string; readonly at: number } | null;
}) {
  const options = [{ code: 'general', name: '整体（不针对某项材料）' }, { code: 'identity', name: '身份证号' }, ...categories];
  const [index, setIndex] = useState(0);
  const [kind, setKind] = useState<ReturnReason['kind']>('incomplete');
  const [text, setText] = useState('');
  const [reasons, setReasons] = useState<readonly ReturnReason[]>([]);
  useEffect(() => {
    const at = chosen ? options.findIndex((o) => o.code === chosen.code) : -1;
    if (at >= 0) setIndex(at);
    // Named again (the same material, later): chosen again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen?.code, chosen?.at]);
  const nameOf = (code: string) => options.find((o) => o.code === code)?.name ?? code;
  const needsText = kind === 'other' && text.trim() === '';

  return (
    <View className='reason-form reason-form--return'>
      <Text className='review__heading'>退回修改</Text>
      <Picker mode='selector' range={options.map((o) => o.name)} value={index} onChange={(e) => setIndex(Number(e.detail.value))}>
        <View className='reason-form__picker' role='button' aria-label={`退回的材料：${options[index]!.name}，点击更换`}>
          <Text className='reason-form__picker-value'>{options[index]!.name}</Text>
          <Text className='reason-form__picker-action'>更换</Text>
        </View>
      </Picker>
      <View className='reason-form__kinds'>
        {ReturnReasonKind.options.map((k) => (
          <View key={k} className={`chip ${kind === k ? 'chip--on' : ''}`} role='radio' aria-checked={kind === k} onClick={() => setKind(k)}>
            {RETURN_REASON_TEXT[k]}
          </View>
        ))}
      </View>
      <Input className='reason-form__text' value={text} maxlength={200} placeholder={kind === 'other' ? '请写明原因（必填）' : '补充说明（选填），如：第2张看不清'} aria-label='退回说明' onInput={(e) => setText(e.detail.value)} />
      <ActionButton
        tone='light'
        disabled={needsText || busy}
        onTap={() => {
          setReasons([...reasons, { category: options[index]!.code, kind, text: text.trim() }]);
          setText('');
        }}
      >
        {needsText ? '选“其他”时请写明原因' : '加入退回原因'}
      </ActionButton>
      {reasons.map((r, i) => (
        <View key={i} className='reason-form__reason'>
          <Text className='reason-form__reason-text'>
            {nameOf(r.category)}：{RETURN_REASON_TEXT[r.kind]}
            {r.text ? `（${r.text}）` : ''}
          </Text>
          <ActionButton tone='plain' disabled={busy} onTap={() => setReasons(reasons.filter((_, j) => j !== i))}>
            删除
          </ActionButton>
        </View>
      ))}
      <ActionButton className='reason-form__send' disabled={reasons.length === 0 || busy} onTap={() => onReturn(reasons)}>
        {busy ? '正在退回…' : reasons.length === 0 ? '先加入至少一项退回原因' : `退回（${reasons.length} 项原因）`}
      </ActionButton>
    </View>
  );
}
