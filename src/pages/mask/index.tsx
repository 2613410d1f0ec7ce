import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ErrorView, LoadingView } from '../../components/status-view';
import { withSystemFont } from '../../components/system-font';
import type { AppError } from '../../core/errors';
import { MASK_LABELS } from '../../core/eligibility/labels';
import { MaskEditor } from '../../features/application/mask-editor';
import { call } from '../../services/api/client';
import { useCall } from '../../services/api/use-call';

/** The mask editor for one photo of one application; saving makes the blind copy on the server. */
function MaskPage() {
  const params = useRouter().params;
  const applicationId = decodeURIComponent(params.app ?? '');
  const sha256 = params.sha ?? '';
  const application = useCall('applications', 'get', { applicationId });
  const [url, setUrl] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);

  useEffect(() => {
    void call('applications', 'fileUrl', { applicationId, sha256, copy: 'original' }).then((r) => (r.ok ? setUrl(r.value.url) : setFailure(r.error)));
  }, [applicationId, sha256]);

  if (application.status === 'loading' || (!url && !failure)) return <LoadingView label='正在打开照片…' />;
  if (application.status === 'error') return <ErrorView error={application.error} onRetry={application.reload} />;
  const file = application.data.files.find((f) => f.sha256 === sha256);
  const item = application.data.materials.find((m) => m.code === file?.category);
  if (!file || !file.width || !file.height || !url) return <ErrorView error={failure ?? { code: 'FILE.NOT_FOUND', message: '没有找到这张照片，请返回重新选择。' }} />;

  const save = async (masks: readonly { x: number; y: number; w: number; h: number }[]) => {
    if (saving) return;
    setSaving(true);
    setFailure(null);
    const result = await call('applications', 'mask', { applicationId, sha256, needsMasking: 'yes', masks: [...masks] });
    setSaving(false);
    if (!result.ok) return setFailure(result.error);
    void Taro.navigateBack();
  };
  const what = item && item.mask.length > 0 ? item.mask.map((m) => MASK_LABELS[m]).join('、') : '本人姓名、工作单位、单位公章';
  return (
    <View>
      <MaskEditor
        imageUrl={url}
        width={file.width}
        height={file.height}
        initial={file.masks}
        hint={`在照片上拖动手指画框，盖住${what}。不要遮挡他人姓名，不要大面积遮挡。`}
        saving={saving}
        onSave={(masks) => void save(masks)}
      />
      {failure ? (
        <View className='mask-page__failure' role='alert'>
          <Text>{failure.message}</Text>
          {failure.details?.map((d) => (
            <Text key={d}>{d}</Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export default withSystemFont(MaskPage);
