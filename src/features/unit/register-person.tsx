import { Input, Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { countiesOf, prefectures } from '../../core/config/counties';
import { ActionButton } from '../../components/action-button';
import { call } from '../../services/api/client';
import './unit.scss';

const PREFECTURES = prefectures();

/**
 * The first visit of someone WeChat identifies but the product does not know yet: their name and
 * where they work. WeChat's identity is the account; nothing else is asked.
 */
export function RegisterPerson({ onRegistered }: { onRegistered: () => void }) {
  const [name, setName] = useState('');
  const [prefectureIndex, setPrefectureIndex] = useState<number | null>(null);
  const [countyIndex, setCountyIndex] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const prefecture = prefectureIndex === null ? null : PREFECTURES[prefectureIndex]!;
  const places = prefecture ? countiesOf(prefecture) : [];
  const county = countyIndex === null ? null : (places[countyIndex] ?? null);
  const missing = name.trim().length < 2 ? '请填写姓名' : prefecture === null ? '请选择所在地（州）' : null;

  async function register() {
    if (busy || missing || !prefecture) return;
    setBusy(true);
    setError(null);
    const result = await call('account', 'register', { name: name.trim(), prefecture, county });
    setBusy(false);
    if (result.ok) onRegistered();
    else setError(result.error.message);
  }

  return (
    <View className='unit'>
      <View className='unit__card'>
        <Text className='unit__name'>欢迎使用职称评审通</Text>
        <Text className='unit__note'>第一次使用，请填写您的姓名和工作所在地。您的微信就是您的账号，不需要密码。</Text>
        <Input className='unit__input' value={name} maxlength={20} placeholder='姓名（与身份证一致）' aria-label='姓名' onInput={(e) => setName(e.detail.value)} />
        <Picker mode='selector' range={PREFECTURES} value={prefectureIndex ?? 0} onChange={(e) => {
            setPrefectureIndex(Number(e.detail.value));
            setCountyIndex(null);
          }}
        >
          <View className='unit__picker' role='button' aria-label={prefecture ? `所在地（州）：${prefecture}，点击更换` : '选择所在地（州）'}>
            <Text>{prefecture ?? '选择所在地（州）'}</Text>
            <Text>›</Text>
          </View>
        </Picker>
        {prefecture ? (
          <Picker mode='selector' range={places} value={countyIndex ?? 0} onChange={(e) => setCountyIndex(Number(e.detail.value))}>
            <View className='unit__picker' role='button' aria-label={county ? `所在县（市）：${county}，点击更换` : '选择所在县（市）（地州直属单位可不选）'}>
              <Text>{county ?? '选择所在县（市）（地州直属单位可不选）'}</Text>
              <Text>›</Text>
            </View>
          </Picker>
        ) : null}
        {error ? (
          <View role='alert'>
            <Text className='unit__error'>{error}</Text>
          </View>
        ) : null}
        <ActionButton disabled={busy || missing !== null} onTap={() => void register()}>
          {busy ? '正在登记…' : (missing ?? '开始使用')}
        </ActionButton>
      </View>
    </View>
  );
}
