import { Image, Text, View } from '@tarojs/components';
import { measureElement } from '../../services/page/element';
import { ActionButton } from '../../components/action-button';
import type { CommonEvent } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { checkMasks, MIN_SIDE, type MaskRect } from '../../core/application/mask-rules';
import type { MaskSuggestion } from '../../core/contracts/api';
import './mask-editor.scss';

type Gesture =
  | { readonly kind: 'draw'; readonly x0: number; readonly y0: number }
  | { readonly kind: 'move'; readonly index: number; readonly dx: number; readonly dy: number }
  | { readonly kind: 'resize'; readonly index: number };

interface TouchPoint {
  readonly clientX: number;
  readonly clientY: number;
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
/** The corner handle of the selected mask: this share of the picture around its bottom-right corner. */
const HANDLE = 0.06;

/**
 * Masks drawn by touch over the upright photo, as fractions of it (the server burns the same
 * fractions into the blind copy): drag on the picture to draw, drag a mask to move it, drag its
 * corner to resize, 删除 removes the selected one. The server's suggestions (dashed, numbered,
 * each with its reason) are masked only once accepted, one by one. Works with the same touch events in WeChat and
 * in the browser; the picture's place on screen is measured, never assumed.
 */
export function MaskEditor({
  imageUrl,
  width,
  height,
  initial,
  hint,
  suggestions,
  saving,
  onSave,
}: {
  imageUrl: string;
  width: number;
  height: number;
  initial: readonly MaskRect[];
  hint: string;
  /** What the server found to mask, or why there is nothing: `null` while it reads the photo. */
  suggestions: { readonly found: readonly MaskSuggestion[]; readonly note: string | null } | null;
  saving: boolean;
  onSave: (masks: readonly MaskRect[]) => void;
}) {
  const [masks, setMasks] = useState<readonly MaskRect[]>(initial);
  // Suggestions answered one by one: accepted ones become masks (then moved, resized or deleted like any), dismissed ones go.
  const [answered, setAnswered] = useState<ReadonlySet<number>>(new Set());
  const open = (suggestions?.found ?? []).map((s, i) => ({ ...s, index: i })).filter((s) => !answered.has(s.index));
  const answer = (index: number, accept: boolean) => {
    const s = suggestions?.found[index];
    if (!s || answered.has(index)) return;
    if (accept) setMasks((list) => [...list, s.rect]);
    setAnswered((set) => new Set([...set, index]));
  };
  const [selected, setSelected] = useState<number | null>(null);
  const gesture = useRef<Gesture | null>(null);
  const box = useRef<Box | null>(null);

  const measure = () =>
    void measureElement('#mask-stage').then((rect) => {
      if (rect) box.current = rect;
    });
  useEffect(() => {
    const timer = setTimeout(measure, 50);
    return () => clearTimeout(timer);
  }, []);

  /** Where a touch is on the picture, as fractions of it. */
  const point = (event: CommonEvent) => {
    // View types its touch handlers as plain events; both platforms deliver touches.
    const touch = event as unknown as { touches?: ArrayLike<TouchPoint>; changedTouches?: ArrayLike<TouchPoint> };
    const t = touch.touches?.[0] ?? touch.changedTouches?.[0];
    const b = box.current;
    if (!t || !b) return null;
    return { x: clamp01((t.clientX - b.left) / b.width), y: clamp01((t.clientY - b.top) / b.height) };
  };

  const onStart = (e: CommonEvent) => {
    measure();
    const p = point(e);
    if (!p) return;
    const s = selected !== null ? masks[selected] : undefined;
    if (s && selected !== null && Math.abs(p.x - (s.x + s.w)) < HANDLE && Math.abs(p.y - (s.y + s.h)) < HANDLE) {
      gesture.current = { kind: 'resize', index: selected };
      return;
    }
    const hit = masks.findIndex((m) => p.x >= m.x && p.x <= m.x + m.w && p.y >= m.y && p.y <= m.y + m.h);
    if (hit >= 0) {
      setSelected(hit);
      gesture.current = { kind: 'move', index: hit, dx: p.x - masks[hit]!.x, dy: p.y - masks[hit]!.y };
      return;
    }
    gesture.current = { kind: 'draw', x0: p.x, y0: p.y };
    setMasks([...masks, { x: p.x, y: p.y, w: 0, h: 0 }]);
    setSelected(masks.length);
  };

  const onMove = (e: CommonEvent) => {
    const g = gesture.current;
    const p = point(e);
    if (!g || !p) return;
    setMasks((list) =>
      list.map((m, i) => {
        if (g.kind === 'draw' && i === list.length - 1) {
          return { x: Math.min(g.x0, p.x), y: Math.min(g.y0, p.y), w: Math.abs(p.x - g.x0), h: Math.abs(p.y - g.y0) };
        }
        if (g.kind === 'move' && i === g.index) return { ...m, x: clamp01(Math.min(p.x - g.dx, 1 - m.w)), y: clamp01(Math.min(p.y - g.dy, 1 - m.h)) };
        if (g.kind === 'resize' && i === g.index) return { ...m, w: Math.max(MIN_SIDE * 2, p.x - m.x), h: Math.max(MIN_SIDE * 2, p.y - m.y) };
        return m;
      }),
    );
  };

  const onEnd = () => {
    const g = gesture.current;
    gesture.current = null;
    // A tap without a drag draws nothing.
    if (g?.kind === 'draw') {
      setMasks((list) => {
        const last = list[list.length - 1];
        if (last && (last.w < MIN_SIDE * 2 || last.h < MIN_SIDE * 2)) {
          setSelected(null);
          return list.slice(0, -1);
        }
        return list;
      });
    }
  };

  const remove = () => {
    if (selected === null) return;
    setMasks(masks.filter((_, i) => i !== selected));
    setSelected(null);
  };

  const check = checkMasks(masks);
  return (
    <View className='mask-editor'>
      <Text className='mask-editor__hint'>{hint}</Text>
      <View
        id='mask-stage'
        className='mask-editor__stage'
        style={{ paddingBottom: `${(height / width) * 100}%` }}
        catchMove
        onTouchStart={onStart}
        onTouchMove={onMove}
        onTouchEnd={onEnd}
        onTouchCancel={onEnd}
      >
        <Image className='mask-editor__image' src={imageUrl} mode='scaleToFill' onLoad={measure} />
        {open.map((s) => (
          <View
            key={`s${s.index}`}
            className='mask-editor__suggestion'
            style={{ left: `${s.rect.x * 100}%`, top: `${s.rect.y * 100}%`, width: `${s.rect.w * 100}%`, height: `${s.rect.h * 100}%` }}
          >
            <Text className='mask-editor__suggestion-number'>{s.index + 1}</Text>
          </View>
        ))}
        {masks.map((m, i) => (
          <View
            key={i}
            className={`mask-editor__mask ${i === selected ? 'mask-editor__mask--selected' : ''}`}
            style={{ left: `${m.x * 100}%`, top: `${m.y * 100}%`, width: `${m.w * 100}%`, height: `${m.h * 100}%` }}
          >
            {i === selected ? <View className='mask-editor__handle' /> : null}
          </View>
        ))}
      </View>
      {suggestions === null ? <Text className='mask-editor__count'>正在识别照片上的姓名、身份证号、单位和印章…</Text> : null}
      {suggestions?.note ? <Text className='mask-editor__count'>{suggestions.note}</Text> : null}
      {open.length > 0 ? (
        <View className='mask-editor__suggestions' role='list' aria-label='建议遮挡'>
          <Text className='mask-editor__suggestions-title'>建议遮挡（虚线框，{open.length} 处）：请逐一确认，采用后才会遮挡</Text>
          {open.map((s) => (
            <View key={s.index} className='mask-editor__suggestion-row' role='listitem'>
              <Text className='mask-editor__suggestion-reason'>
                {s.index + 1}. {s.reason}
              </Text>
              <ActionButton tone='light' onTap={() => answer(s.index, true)}>
                采用
              </ActionButton>
              <ActionButton tone='plain' onTap={() => answer(s.index, false)}>
                不采用
              </ActionButton>
            </View>
          ))}
        </View>
      ) : null}
      <Text className='mask-editor__count' aria-live='polite'>
        已画 {masks.length} 处遮挡{selected !== null ? '，选中的一处可以拖动或拉右下角改大小' : ''}
      </Text>
      {!check.ok ? (
        <View className='mask-editor__problems' role='alert'>
          {check.problems.map((p) => (
            <Text key={p} className='mask-editor__problem'>
              {p}
            </Text>
          ))}
        </View>
      ) : null}
      <View className='mask-editor__actions'>
        <ActionButton className='mask-editor__button' tone='plain' disabled={selected === null} onTap={remove}>
          删除选中
        </ActionButton>
        <ActionButton className='mask-editor__button' disabled={saving || masks.length === 0 || !check.ok} onTap={() => onSave(masks)}>
          {saving ? '正在保存…' : '保存遮挡'}
        </ActionButton>
      </View>
    </View>
  );
}
