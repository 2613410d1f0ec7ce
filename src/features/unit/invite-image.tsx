import { Image, Text, View } from '@tarojs/components';
import { previewImages } from '../../services/ui/dialogs';
import { ErrorView, LoadingView } from '../../components/status-view';
import { useCall } from '../../services/api/use-call';

/**
 * The unit's invite code as a mini-program code (小程序码): a colleague scans it with WeChat and
 * 我的单位 opens with the code filled in. Tapping it opens WeChat's image viewer, where a long press
 * saves or forwards it.
 */
export function InviteImage() {
  const image = useCall('units', 'inviteImage', {});
  if (image.status === 'loading') return <LoadingView label='正在生成邀请二维码…' />;
  if (image.status === 'error') return <ErrorView error={image.error} onRetry={image.reload} />;
  const url = image.data.url;
  return (
    <View className='unit__qr'>
      <View role='button' aria-label='本单位的邀请二维码，点击放大' onClick={() => void previewImages([url], url)}>
        <Image className='unit__qr-image' src={url} mode='aspectFit' showMenuByLongpress />
      </View>
      <Text className='unit__note'>同事用微信扫这个码，会打开“我的单位”并填好邀请码。点图片放大，长按可保存或转发。</Text>
    </View>
  );
}
