import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { requirePrivacy } from '../../services/platform/privacy';
import './application.scss';

/**
 * The applicant's ID number: asked only here, after the privacy guide is agreed to, checked by the
 * server (GB 11643 check digit, birth date) before it is kept, and shown back with its middle hidden.
 */
export function IdNumberField({
  shown,
  saving,
  editable,
  error,
  onSave,
}: {
  shown: string | null;
  saving: boolean;
  editable: boolean;
  error: string | null;
  /** Resolves true once the number is kept. */
  onSave: (idNumber: string) => Promise<boolean>;
}) {
  const [typing, setTyping] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);

  async function start() {
    const agreed = await requirePrivacy();
    setRefused(!agreed);
    if (agreed) setTyping('');
  }

  return (
    <View className='upload' id='category-identity'>
      <View className='upload__head'>
        <Text className='upload__name'>身份证号</Text>
        <Text className='upload__need upload__need--required'>必填</Text>
      </View>
      <Text className='upload__note'>与身份证上的号码一致，用于申报和证书。只有您、您的单位和人社部门的审核人员能看到，评审专家看不到。</Text>
      {typing === null ? (
        <View className='entries__row'>
          <Text className='entries__title'>{shown ?? '还没有填写'}</Text>
          {editable ? (
            <ActionButton tone='plain' className='entries__edit' onTap={() => void start()}>
              {shown ? '修改' : '填写'}
            </ActionButton>
          ) : null}
        </View>
      ) : (
        <View className='entry-editor'>
          <Input
            className='entry-editor__input'
            type='idcard'
            value={typing}
            maxlength={18}
            focus
            placeholder='18位，最后一位可以是X'
            aria-label='身份证号'
            onInput={(e) => setTyping(e.detail.value)}
          />
          <View className='entry-editor__actions'>
            <ActionButton disabled={saving || typing.trim() === ''} onTap={() => void onSave(typing).then((kept) => kept && setTyping(null))}>
              {saving ? '正在核对…' : '保存'}
            </ActionButton>
            <ActionButton tone='plain' disabled={saving} onTap={() => setTyping(null)}>
              取消
            </ActionButton>
          </View>
        </View>
      )}
      {error ? (
        <View role='alert'>
          <Text className='entries__problem entries__problem--block'>{error}</Text>
        </View>
      ) : null}
      {refused ? <Text className='entries__problem entries__problem--block'>没有同意隐私保护指引，不能填写身份证号。需要时请再点“填写”。</Text> : null}
    </View>
  );
}
