import { Text, View } from '@tarojs/components';
import { useRouter } from '../../../services/page/lifecycle';
import { goBack } from '../../../services/page/navigate';
import { useEffect, useState } from 'react';
import { ErrorView, LoadingView } from '../../../components/status-view';
import { withSystemFont } from '../../../components/system-font';
import type { AppError } from '../../../core/errors';
import { MASK_LABELS } from '../../../core/eligibility/labels';
import { MaskEditor } from '../../../features/application/mask-editor';
import { call } from '../../../services/api/client';
import type { MaskSuggestion } from '../../../core/contracts/api';
import type { MaskRect } from '../../../core/application/mask-rules';
import { useCall } from '../../../services/api/use-call';

/** The mask editor for one photo of one application; saving makes the blind copy on the server. */
function MaskPage() {
  const params = useRouter().params;
  const applicationId = decodeURIComponent(params.app ?? '');
  const sha256 = params.sha ?? '';
  const application = useCall('applications', 'get', { applicationId });
  const [url, setUrl] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [suggestions, setSuggestions] = useState<{ found: readonly MaskSuggestion[]; note: string | null } | null>(null);

  useEffect(() => {
    void call('applications', 'fileUrl', { applicationId, sha256, copy: 'original' }).then((r) => (r.ok ? setUrl(r.value.url) : setFailure(r.error)));
    // The server reads the photo for what to mask; without an answer the applicant draws alone.
    void call('applications', 'suggestMasks', { applicationId, sha256 }).then((r) =>
      setSuggestions(
        r.ok
          ? { found: r.value.suggestions, note: r.value.suggestions.length === 0 ? '没有识别到您的姓名、身份证号、单位或印章，请自己仔细检查。' : null }
          : { found: [], note: r.error.message },
      ),
    );
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
    void goBack();
  };
  const what = item && item.mask.length > 0 ? item.mask.map((m) => MASK_LABELS[m]).join('、') : '本人姓名、工作单位、单位公章';
  return (
    <View>
      <MaskEditor
        imageUrl={url}
        width={file.width}
        height={file.height}
        initial={file.masks}
        // Suggestions already covered by a saved mask are not offered again.
        suggestions={suggestions && { ...suggestions, found: suggestions.found.filter((s) => !file.masks.some((m) => overlap(m, s.rect) > 0.5)) }}
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

/** The share of `b` that `a` covers. */
function overlap(a: MaskRect, b: MaskRect): number {
  const w = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  return (w * h) / (b.w * b.h || 1);
}

export default withSystemFont(MaskPage);
