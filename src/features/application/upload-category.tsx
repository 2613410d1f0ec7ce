import { Text, View } from '@tarojs/components';
import { openPage } from '../../services/page/navigate';
import type { ReactNode } from 'react';
import { ActionButton } from '../../components/action-button';
import type { AttachedFileView } from '../../core/contracts/api';
import type { ChecklistItem } from '../../core/eligibility/assessment';
import { MASK_LABELS } from '../../core/eligibility/labels';
import type { Source } from '../../core/round/round.schema';
import { ClauseLink } from '../../components/clause/clause-link';
import { FileThumb } from '../../components/file-thumb';
import './application.scss';
import './apply-only.scss';
import { PAGES, urlOf } from '../../core/pages';

/** A photo on its way: preparing, uploading (with its share done), saving, or failed with why. */
export interface PendingPhoto {
  readonly key: string;
  readonly category: string;
  readonly label: string;
  readonly fraction: number | null;
  readonly error: string | null;
}

const stageText = (p: PendingPhoto) => (p.error ? p.error : p.fraction === null ? '正在处理图片…' : p.fraction >= 1 ? '正在保存…' : `正在上传 ${Math.round(p.fraction * 100)}%`);

/**
 * One material to upload: what the notice asks (format, instructions, what to mask, its clause),
 * the photos attached with their 是否遮挡 answer, photos on their way with progress, and 添加.
 */
export function UploadCategory({
  applicationId,
  item,
  files,
  pending,
  busy,
  editable,
  checkFailed,
  typed = null,
  documents = null,
  onAdd,
  onNoMask,
  onRemove,
  onClause,
}: {
  applicationId: string;
  item: ChecklistItem;
  files: readonly AttachedFileView[];
  pending: readonly PendingPhoto[];
  busy: boolean;
  /** A draft: files may be added and answers changed; submitted, it is shown as it was sent. */
  editable: boolean;
  /** Whether reading this image's blind copy failed so often that the page stopped asking (by SHA-256). */
  checkFailed: (sha256: string) => boolean;
  /** What is typed in for this category (its entries), shown above its evidence. */
  typed?: ReactNode;
  /** The filled documents to print, sign and upload here (个人承诺书 …). */
  documents?: ReactNode;
  onAdd: (kind: 'image' | 'pdf') => void;
  onNoMask: (sha256: string) => void;
  /** 删除 one file from this material (to replace it: delete, then add). */
  onRemove: (sha256: string) => void;
  onClause: (source: Source) => void;
}) {
  const need = item.need === 'required' ? '必传' : item.need === 'if_any' ? '如有' : '按条件要求';
  // No format said: photos, as the platform takes (JPG).
  const takesPhotos = item.formats.length === 0 || item.formats.includes('jpg');
  const takesPdf = item.formats.includes('pdf');
  return (
    <View className='upload' id={`category-${item.code}`}>
      <View className='upload__head'>
        <Text className='upload__name'>{item.name}</Text>
        <Text className={`upload__need upload__need--${item.need}`}>{need}</Text>
      </View>
      {item.condition ? <Text className='upload__note'>{item.condition}</Text> : null}
      {item.note ? <Text className='upload__note'>{item.note}</Text> : null}
      <Text className='upload__note'>
        格式：{item.formats.length > 0 ? item.formats.map((f) => f.toUpperCase()).join(' 或 ') : 'JPG'}
        {item.mask.length > 0 ? `；遮挡：${item.mask.map((m) => MASK_LABELS[m]).join('、')}` : ''}
        {item.expertsSee === 'never' ? '；评审专家看不到这份材料，不用遮挡' : ''}
      </Text>
      <ClauseLink source={item.source} onClause={onClause} />
      {documents}
      {typed ? (
        <>
          <Text className='upload__subheading'>逐项填写</Text>
          {typed}
          <Text className='upload__subheading'>佐证材料</Text>
        </>
      ) : null}

      {/* Lists in containers that are always there: rows are appended inside them, never
          inserted before Taro's button element (its H5 element does not take that). */}
      <View className='upload__files'>
      {files.map((file, i) => (
        <View key={file.sha256} className='upload__file'>
          <FileThumb applicationId={applicationId} sha256={file.sha256} pdf={file.contentType === 'application/pdf'} />
          <View className='upload__file-body'>
            <View className='upload__file-row'>
              <Text className='upload__file-name'>
                第 {i + 1} {file.contentType === 'application/pdf' ? '份 PDF' : '张'} · {Math.round(file.bytes / 1024)} KB
              </Text>
              {editable ? (
                <View className='upload__remove' role='button' hoverClass='upload__remove--pressed' aria-label={`删除第${i + 1}${file.contentType === 'application/pdf' ? '份' : '张'}`} onClick={() => onRemove(file.sha256)}>
                  删除
                </View>
              ) : null}
            </View>
            {file.contentType === 'application/pdf' || item.expertsSee === 'never' ? null : !editable ? (
              <Text className='upload__note'>{file.needsMasking === 'yes' ? `已遮挡 ${file.masks.length} 处` : file.needsMasking === 'no' ? '不需要遮挡' : ''}</Text>
            ) : (
              <View className='upload__mask'>
                <Text className='upload__mask-question'>需要遮挡吗？</Text>
                <View className='upload__mask-choices'>
                  <View
                    className={`chip ${file.needsMasking === 'yes' ? 'chip--on' : ''}`}
                    role='radio'
                    aria-checked={file.needsMasking === 'yes'}
                    aria-label={`第${i + 1}张需要遮挡`}
                    onClick={() => void openPage(urlOf(PAGES.mask(applicationId, file.sha256)))}
                  >
                    {file.needsMasking === 'yes' ? `是（${file.masks.length} 处）` : '是'}
                  </View>
                  <View
                    className={`chip ${file.needsMasking === 'no' ? 'chip--on' : ''}`}
                    role='radio'
                    aria-checked={file.needsMasking === 'no'}
                    aria-label={`第${i + 1}张不需要遮挡`}
                    onClick={() => onNoMask(file.sha256)}
                  >
                    否
                  </View>
                </View>
                {file.hasBlindCopy && !file.identityChecked ? (
                  checkFailed(file.sha256) ? (
                    <Text className='upload__todo'>没能自动检查专家会看到什么（网络或识别服务暂时有问题）。请点开照片自己看一遍，确认专家看不到姓名、身份证号、单位和公章；重新打开本页会再检查。</Text>
                  ) : (
                    <Text className='upload__note'>正在检查专家会看到什么…</Text>
                  )
                ) : null}
                {file.needsMasking === 'yes' && file.hasBlindCopy ? (
                  <View className='upload__blind'>
                    <Text className='upload__note'>专家看到的样子：</Text>
                    <FileThumb applicationId={applicationId} sha256={file.sha256} copy='blind' />
                  </View>
                ) : null}
                {file.needsMasking === null ? <Text className='upload__todo'>请回答：盲评前要遮挡的内容（{item.mask.map((m) => MASK_LABELS[m]).join('、') || '姓名、单位'}）这张上有没有</Text> : null}
              </View>
            )}
          </View>
        </View>
      ))}
      </View>
      <View className='upload__pendings'>
      {pending.map((p) => (
        <View key={p.key} className={`upload__pending ${p.error ? 'upload__pending--failed' : ''}`}>
          <Text className='upload__file-name'>{p.label}</Text>
          <View className='upload__bar'>
            <View className='upload__bar-fill' style={{ width: `${Math.round((p.fraction ?? 0) * 100)}%` }} />
          </View>
          <Text className='upload__note'>{stageText(p)}</Text>
        </View>
      ))}
      </View>
      {editable && takesPhotos ? (
        <ActionButton className='upload__add' tone='light' disabled={busy} onTap={() => onAdd('image')}>
          {busy ? '正在上传…' : files.length > 0 ? '继续添加照片' : '拍照或从相册选择'}
        </ActionButton>
      ) : null}
      {editable && takesPdf ? (
        <ActionButton className='upload__add' tone='light' disabled={busy} onTap={() => onAdd('pdf')}>
          {busy ? '正在上传…' : '选择 PDF 文件（微信聊天中的文件）'}
        </ActionButton>
      ) : null}
    </View>
  );
}
