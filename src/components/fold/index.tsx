import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import './index.scss';

/** A section that opens on tap: the details below the answer, never in its way. */
export function Fold({ title, hint, onOpen, children }: { title: string; hint?: string; onOpen?: () => void; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const toggle = () => {
    if (!open) onOpen?.();
    setOpen(!open);
  };
  return (
    <View className='fold'>
      <View className='fold__head' hoverClass='fold__head--pressed' role='button' aria-expanded={open} onClick={toggle}>
        <View className='fold__titles'>
          <Text className='fold__title'>{title}</Text>
          {hint ? <Text className='fold__hint'>{hint}</Text> : null}
        </View>
        <Text className='fold__chevron'>{open ? '收起' : '展开'}</Text>
      </View>
      {open ? <View className='fold__body'>{children}</View> : null}
    </View>
  );
}
