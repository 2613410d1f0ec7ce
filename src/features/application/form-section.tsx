import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { FormSection } from '../../core/application/form-sections';
import './apply-only.scss';

/** 已完成 3/5; a section with only 如有 items says so; done: 已完成 with a tick. */
export function progressText(section: FormSection): string {
  if (section.complete) return section.required > 0 ? `已完成 ${section.done}/${section.required} ✓` : '没有要处理的 ✓';
  if (section.required === 0) return '有要处理的';
  return section.done === section.required ? `已完成 ${section.done}/${section.required}，还有要处理的` : `已完成 ${section.done}/${section.required}`;
}

/**
 * One section of the application form: its title and progress on a head that folds it, then its
 * materials. A done section shows as done and can stay folded.
 */
export function FormSectionView({ section, open, onToggle, children }: { section: FormSection; open: boolean; onToggle: () => void; children: ReactNode }) {
  return (
    <View className={`form-section ${section.complete ? 'form-section--done' : ''}`} id={`section-${section.id}`}>
      <View
        className='form-section__head'
        hoverClass='form-section__head--pressed'
        role='button'
        aria-expanded={open}
        aria-label={`${section.title}，${progressText(section)}，点击${open ? '收起' : '展开'}`}
        onClick={onToggle}
      >
        <View className='form-section__titles'>
          <Text className='form-section__title'>{section.title}</Text>
          <Text className='form-section__progress'>{progressText(section)}</Text>
        </View>
        <Text className='form-section__chevron'>{open ? '收起' : '展开'}</Text>
      </View>
      {open ? <View className='form-section__body'>{children}</View> : null}
    </View>
  );
}
