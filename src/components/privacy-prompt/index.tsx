import { Button, Text, View } from '@tarojs/components';
import { AGREE_PRIVACY_ID, usePrivacyPrompt } from '../../services/platform/privacy';
import './index.scss';

/**
 * Shown when WeChat asks before the first photo or ID number: what is collected and why, with
 * WeChat's own agree button. Until agreed, nothing is collected.
 */
export function PrivacyPrompt() {
  const prompt = usePrivacyPrompt();
  if (!prompt.open) return null;
  return (
    <View className='privacy' role='dialog' aria-label='隐私保护指引'>
      <View className='privacy__mask' />
      <View className='privacy__panel'>
        <Text className='privacy__title'>隐私保护指引</Text>
        <Text className='privacy__text'>
          申报需要拍摄或选择您的证书照片，并在需要时填写身份证号码。照片和号码只用于本次职称申报的审核和盲评（盲评时专家只看到遮挡后的副本），不作他用。请阅读《职称评审通隐私保护指引》后选择。
        </Text>
        <Button id={AGREE_PRIVACY_ID} className='privacy__agree' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={prompt.agree}>
          同意并继续
        </Button>
        <Button className='privacy__refuse' onClick={prompt.refuse}>
          不同意
        </Button>
      </View>
    </View>
  );
}
