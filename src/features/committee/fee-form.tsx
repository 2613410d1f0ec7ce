import { Input, Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { chineseDate } from '../../core/eligibility/calendar-date';
import './committee.scss';

export interface FeePaymentInput {
  readonly amountYuan: number;
  readonly paidOn: string;
  readonly receiptNo: string;
}

/**
 * Recording a fee as its receipt says: the amount (the round's fee to start with), the day paid
 * (today to start with, never later) and the receipt's number; then recorded as is, or with the
 * receipt photographed.
 */
export function FeeForm({ feeYuan, today, busy, onRecord, onCancel }: { feeYuan: number | null; today: string; busy: string | null; onRecord: (payment: FeePaymentInput, withPhoto: boolean) => void; onCancel: () => void }) {
  const [amount, setAmount] = useState(feeYuan === null ? '' : String(feeYuan));
  const [paidOn, setPaidOn] = useState(today);
  const [receiptNo, setReceiptNo] = useState('');
  const yuan = Number(amount);
  const missing = amount.trim() === '' || !Number.isFinite(yuan) || yuan < 0 ? '请填写缴费金额（元）' : receiptNo.trim() === '' ? '请填写收据（票据）号' : null;
  const payment = { amountYuan: yuan, paidOn, receiptNo: receiptNo.trim() };
  return (
    <View className='session-form fee-form'>
      <Text className='session-form__label'>缴费金额（元）{feeYuan !== null && yuan !== feeYuan && amount !== '' ? `，与本批次的 ${feeYuan} 元不同，请核对` : ''}</Text>
      <Input className='session-form__input' type='digit' value={amount} aria-label='缴费金额（元）' onInput={(e) => setAmount(e.detail.value)} />
      <Picker mode='date' value={paidOn} start='2020-01-01' end={today} onChange={(e) => setPaidOn(String(e.detail.value))}>
        <View className='session-form__picker' role='button' aria-label={`缴费日期：${chineseDate(paidOn)}，点击修改`}>
          <Text>缴费日期：{chineseDate(paidOn)}</Text>
          <Text>修改</Text>
        </View>
      </Picker>
      <Text className='session-form__label'>收据（票据）号</Text>
      <Input className='session-form__input' value={receiptNo} maxlength={40} placeholder='按收据上的号码填写' aria-label='收据（票据）号' onInput={(e) => setReceiptNo(e.detail.value)} />
      {missing ? <Text className='committee__note'>{missing}</Text> : null}
      <ActionButton disabled={missing !== null || busy !== null} onTap={() => onRecord(payment, false)}>
        {busy === 'plain' ? '正在登记…' : '登记缴费'}
      </ActionButton>
      <ActionButton tone='light' disabled={missing !== null || busy !== null} onTap={() => onRecord(payment, true)}>
        {busy === 'photo' ? '正在登记…' : '拍收据并登记缴费'}
      </ActionButton>
      <ActionButton tone='plain' disabled={busy !== null} onTap={onCancel}>
        取消
      </ActionButton>
    </View>
  );
}
