import { Input, Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import type { DefensePlanView } from '../../core/contracts/api';
import type { DefenseSessionInput } from '../../core/defense/schedule';
import { chineseDate } from '../../core/review/template-fill';
import './committee.scss';


interface PanelDraft {
  readonly id: string;
  readonly name: string;
  readonly specialties: readonly string[];
}

const PANEL_NAMES = ['第一答辩组', '第二答辩组', '第三答辩组', '第四答辩组', '第五答辩组', '第六答辩组'];

/**
 * A defense session as the secretary sets it up: the day, start and end, a break, the place (a room
 * or an online meeting), the panels and the specialties each hears, what to bring. The slot length
 * is the round's (10 minutes); the server checks the rest and says what is wrong.
 */
export function SessionForm({ plan, today, busy, onAdd, onCancel }: { plan: DefensePlanView; today: string; busy: boolean; onAdd: (session: DefenseSessionInput) => void; onCancel: () => void }) {
  const [date, setDate] = useState('');
  const [start, setStart] = useState('09:30');
  const [end, setEnd] = useState('12:00');
  const [withBreak, setWithBreak] = useState(false);
  const [breakStart, setBreakStart] = useState('10:30');
  const [breakEnd, setBreakEnd] = useState('10:45');
  const [placeKind, setPlaceKind] = useState<'room' | 'online'>('room');
  const [placeName, setPlaceName] = useState('');
  const [link, setLink] = useState('');
  const [bring, setBring] = useState('身份证原件');
  const [panels, setPanels] = useState<readonly PanelDraft[]>([{ id: 'p1', name: PANEL_NAMES[0]!, specialties: plan.specialties.map((s) => s.code) }]);
  const [missing, setMissing] = useState<string | null>(null);

  const picker = (label: string, mode: 'date' | 'time', value: string, set: (v: string) => void) => (
    <Picker mode={mode} value={value || (mode === 'date' ? today : '09:00')} start={mode === 'date' ? today : undefined} onChange={(e) => {
        set(String(e.detail.value));
        setMissing(null);
      }}
    >
      <View className='session-form__picker' role='button' aria-label={`${label}：${value ? (mode === 'date' ? chineseDate(value) : value) : '请选择'}，点击${value ? '修改' : '选择'}`}>
        <Text className='session-form__picker-value'>
          {label}：{value ? (mode === 'date' ? chineseDate(value) : value) : '请选择'}
        </Text>
        <Text className='session-form__picker-action'>{value ? '修改' : '选择'}</Text>
      </View>
    </Picker>
  );
  const choice = (label: string, on: boolean, tap: () => void) => (
    <View key={label} className={`session-form__choice ${on ? 'session-form__choice--on' : ''}`} role='checkbox' aria-checked={on} onClick={tap}>
      {on ? '✓ ' : ''}
      {label}
    </View>
  );
  const setPanel = (id: string, change: (p: PanelDraft) => PanelDraft) => setPanels((list) => list.map((p) => (p.id === id ? change(p) : p)));

  function add() {
    if (!date) return setMissing('请选择答辩日期。');
    if (placeName.trim().length < 2) return setMissing(placeKind === 'room' ? '请填写答辩地点，如“地区人社局三楼会议室”。' : '请填写会议名称，如“腾讯会议 123 456 789”。');
    if (placeKind === 'online' && !/^https?:\/\//.test(link.trim())) return setMissing('请填写会议链接（以 https:// 开头）。');
    const empty = panels.find((p) => p.specialties.length === 0);
    if (empty) return setMissing(`请为${empty.name}选择至少一个专业。`);
    setMissing(null);
    onAdd({
      date,
      start,
      end,
      breaks: withBreak ? [{ start: breakStart, end: breakEnd }] : [],
      place: placeKind === 'room' ? { kind: 'room', name: placeName.trim() } : { kind: 'online', name: placeName.trim(), link: link.trim() },
      panels: panels.map((p) => ({ id: p.id, name: p.name.trim() || p.id, specialties: [...p.specialties] })),
      slotMinutes: plan.slotMinutes,
      bring: bring.trim(),
    });
  }

  return (
    <View className='session-form'>
      <Text className='committee__subheading'>添加答辩场次</Text>
      {picker('日期', 'date', date, setDate)}
      {picker('开始', 'time', start, setStart)}
      {picker('结束', 'time', end, setEnd)}
      <View className='session-form__choices'>{choice('中间休息', withBreak, () => setWithBreak(!withBreak))}</View>
      {withBreak ? (
        <>
          {picker('休息开始', 'time', breakStart, setBreakStart)}
          {picker('休息结束', 'time', breakEnd, setBreakEnd)}
        </>
      ) : null}
      <Text className='session-form__label'>答辩方式</Text>
      <View className='session-form__choices' role='radiogroup'>
        {choice('现场答辩', placeKind === 'room', () => setPlaceKind('room'))}
        {choice('线上视频', placeKind === 'online', () => setPlaceKind('online'))}
      </View>
      <Text className='session-form__label'>{placeKind === 'room' ? '答辩地点' : '会议名称和链接'}</Text>
      <Input className='session-form__input' value={placeName} maxlength={60} placeholder={placeKind === 'room' ? '答辩地点，如：地区人社局三楼会议室' : '会议名称，如：腾讯会议 123 456 789'} aria-label={placeKind === 'room' ? '答辩地点' : '会议名称'} onInput={(e) => setPlaceName(e.detail.value)} />
      {placeKind === 'online' ? <Input className='session-form__input' value={link} maxlength={300} placeholder='会议链接 https://…' aria-label='会议链接' onInput={(e) => setLink(e.detail.value)} /> : null}
      <Text className='session-form__label'>请携带（会写在给申报人的通知里）</Text>
      <Input className='session-form__input' value={bring} maxlength={60} placeholder='请携带的物品' aria-label='请携带的物品' onInput={(e) => setBring(e.detail.value)} />
      <Text className='session-form__label'>每人 {plan.slotMinutes} 分钟（通知规定）；每个答辩组同时答辩一人。</Text>
      {panels.map((panel) => (
        <View key={panel.id} className='session-form__panel'>
          <Text className='session-form__label'>答辩组名称</Text>
          <Input className='session-form__input' value={panel.name} maxlength={30} aria-label='答辩组名称' onInput={(e) => setPanel(panel.id, (p) => ({ ...p, name: e.detail.value }))} />
          <Text className='session-form__label'>负责的专业</Text>
          <View className='session-form__choices'>
            {plan.specialties.map((s) =>
              choice(s.name, panel.specialties.includes(s.code), () =>
                setPanel(panel.id, (p) => ({ ...p, specialties: p.specialties.includes(s.code) ? p.specialties.filter((c) => c !== s.code) : [...p.specialties, s.code] })),
              ),
            )}
          </View>
          {panels.length > 1 ? (
            <ActionButton tone='plain' onTap={() => setPanels((list) => list.filter((p) => p.id !== panel.id))}>
              删除这个答辩组
            </ActionButton>
          ) : null}
        </View>
      ))}
      {panels.length < PANEL_NAMES.length ? (
        <ActionButton tone='light' onTap={() => setPanels((list) => [...list, { id: `p${Date.now().toString(36)}`, name: PANEL_NAMES[list.length]!, specialties: [] }])}>
          再加一个答辩组
        </ActionButton>
      ) : null}
      {missing ? (
        <View className='committee__alert' role='alert'>
          <Text>{missing}</Text>
        </View>
      ) : null}
      <ActionButton disabled={busy} onTap={add}>
        {busy ? '正在保存…' : '保存场次'}
      </ActionButton>
      <ActionButton tone='plain' disabled={busy} onTap={onCancel}>
        取消
      </ActionButton>
    </View>
  );
}
