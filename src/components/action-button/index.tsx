import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

/**
 * A button whose words and state change while the page is open (开始申报 → 正在建立申报…). Taro's
 * H5 `Button` element re-renders its own children and breaks when React changes them at the same
 * time, so this is a plain view with the button role; a tap while disabled does nothing.
 */
export function ActionButton({
  children,
  onTap,
  disabled = false,
  tone = 'primary',
  className = '',
}: {
  children: ReactNode;
  onTap: () => void;
  disabled?: boolean;
  tone?: 'primary' | 'light' | 'plain';
  className?: string;
}) {
  return (
    <View
      className={`action-button action-button--${tone} ${disabled ? 'action-button--disabled' : ''} ${className}`}
      hoverClass={disabled ? 'none' : 'action-button--pressed'}
      role='button'
      aria-disabled={disabled}
      onClick={() => {
        if (!disabled) onTap();
      }}
    >
      {children}
    </View>
  );
}
