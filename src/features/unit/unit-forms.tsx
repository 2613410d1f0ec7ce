import { Input, Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { countiesOf } from '../../core/config/counties';
import { ActionButton } from '../../components/action-button';
import { EMPLOYMENT_KIND_LABELS } from '../../core/eligibility/labels';
import type { PayloadOf } from '../../core/contracts/api';
import { creditCodeProblem, normaliseCreditCode } from '../../core/people/credit-code';
import './unit.scss';

const KINDS = ['institution', 'state_enterprise', 'private_enterprise', 'social_organization'] as const;

/** Joining one's unit with the invite code its admin shares. */
export function JoinForm({ busy, error, scanned, onJoin }: { busy: boolean; error: string | null; scanned: string | null; onJoin: (code: string) => void }) {
  const [code, setCode] = useState(scanned ?? '');
  return (
    <View className='unit__card'>
      <Text className='unit__heading'>用邀请码加入单位</Text>
      <Text className='unit__note'>
        {scanned ? '已从您扫的单位二维码填好邀请码，点“加入单位”即可。' : '向本单位的单位管理员要 10 位邀请码，或用微信扫单位的邀请二维码。加入后，您的申报由本单位先审核。'}
      </Text>
      <Input className='unit__input' value={code} maxlength={16} placeholder='10 位邀请码' aria-label='邀请码' onInput={(e) => setCode(e.detail.value)} />
      {error ? (
        <View role='alert'>
          <Text className='unit__error'>{error}</Text>
        </View>
      ) : null}
      <ActionButton disabled={busy || code.trim() === ''} onTap={() => onJoin(code)}>
        {busy ? '正在加入…' : '加入单位'}
      </ActionButton>
    </View>
  );
}

/** Registering a new unit: its full name, level, county and kind; the HR bureau of its level approves it. */
export function RegisterForm({
  prefecture,
  busy,
  error,
  onRegister,
}: {
  prefecture: string;
  busy: boolean;
  error: string | null;
  onRegister: (unit: PayloadOf<'units', 'register'>) => void;
}) {
  const [name, setName] = useState('');
  const [level, setLevel] = useState<'prefecture' | 'county' | null>(null);
  const [kind, setKind] = useState<(typeof KINDS)[number] | null>(null);
  const [creditCode, setCreditCode] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const code = normaliseCreditCode(creditCode);
  // Said as soon as all 18 are typed: a wrong check character is a typo to fix now, not a refusal later.
  const codeProblem = code.length >= 18 ? creditCodeProblem(code) : null;
  const options = countiesOf(prefecture);
  const [countyIndex, setCountyIndex] = useState<number | null>(null);
  const county = countyIndex === null ? null : (options[countyIndex] ?? null);
  const missing =
    name.trim().length < 4
      ? '请填写单位全称'
      : code.length < 18 || codeProblem
        ? '请填写统一社会信用代码'
        : level === null
          ? '请选择单位层级'
          : level === 'county' && !county
            ? '请选择所在县（市）'
            : kind === null
              ? '请选择单位性质'
              : contactName.trim().length < 2 || contactPhone.trim().length < 7
                ? '请填写联系人和电话'
                : null;
  return (
    <View className='unit__card'>
      <Text className='unit__heading'>登记新单位（单位负责人填写）</Text>
      <Text className='unit__note'>
        {prefecture}的单位。县（市）单位由县（市）人社局审核，地（州）直属单位由地（州）人社局审核；审核通过后您就是本单位的单位管理员。
      </Text>
      <Input className='unit__input' value={name} maxlength={60} placeholder='单位全称，与公章一致' aria-label='单位全称' onInput={(e) => setName(e.detail.value)} />
      <Text className='unit__note'>统一社会信用代码（营业执照或登记证书上）</Text>
      <Input className='unit__input' value={creditCode} maxlength={24} placeholder='统一社会信用代码（18 位）' aria-label='统一社会信用代码' onInput={(e) => setCreditCode(e.detail.value)} />
      {codeProblem ? <Text className='unit__error'>{codeProblem}</Text> : null}
      <View className='unit__choices' role='radiogroup' aria-label='单位层级'>
        {(['county', 'prefecture'] as const).map((l) => (
          <View key={l} className={`chip ${level === l ? 'chip--on' : ''}`} role='radio' aria-checked={level === l} onClick={() => setLevel(l)}>
            {l === 'county' ? '县（市）单位' : '地（州）直属单位'}
          </View>
        ))}
      </View>
      {level === 'county' ? (
        <Picker mode='selector' range={options} value={countyIndex ?? 0} onChange={(e) => setCountyIndex(Number(e.detail.value))}>
          <View className='unit__picker' role='button' aria-label={county ? `所在县（市）：${county}，点击更换` : '选择所在县（市）'}>
            <Text>{county ?? '选择所在县（市）'}</Text>
            <Text>›</Text>
          </View>
        </Picker>
      ) : null}
      <View className='unit__choices' role='radiogroup' aria-label='单位性质'>
        {KINDS.map((k) => (
          <View key={k} className={`chip ${kind === k ? 'chip--on' : ''}`} role='radio' aria-checked={kind === k} onClick={() => setKind(k)}>
            {EMPLOYMENT_KIND_LABELS[k]}
          </View>
        ))}
      </View>
      <Text className='unit__note'>联系人和电话（人社局核实登记时联系）</Text>
      <Input className='unit__input' value={contactName} maxlength={20} placeholder='联系人姓名' aria-label='联系人姓名' onInput={(e) => setContactName(e.detail.value)} />
      <Input className='unit__input' value={contactPhone} maxlength={20} type='number' placeholder='联系电话（手机或带区号的座机）' aria-label='联系电话' onInput={(e) => setContactPhone(e.detail.value)} />
      {error ? (
        <View role='alert'>
          <Text className='unit__error'>{error}</Text>
        </View>
      ) : null}
      <ActionButton
        disabled={busy || missing !== null}
        onTap={() => onRegister({ name: name.trim(), level: level!, kind: kind!, county: level === 'county' ? county : null, creditCode: code, contactName: contactName.trim(), contactPhone: contactPhone.trim() })}
      >
        {busy ? '正在提交…' : (missing ?? '提交登记')}
      </ActionButton>
    </View>
  );
}
