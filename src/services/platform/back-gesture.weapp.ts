import { PageContainer } from '@tarojs/components';
import { createElement, useEffect, useRef, useState, type ReactElement } from 'react';

/**
 * WeChat: the back gesture steps back inside a page while `active`. A shown `page-container`
 * takes the gesture instead of the page (WeChat closes the container, not the page); it is
 * invisible here, and shown again after each step so the next gesture is caught too.
 */
export function useBackGesture(active: boolean, onBack: () => void): ReactElement | null {
  const latest = useRef(onBack);
  latest.current = onBack;
  const [show, setShow] = useState(active);
  useEffect(() => setShow(active), [active]);
  if (!active) return null;
  return createElement(PageContainer, {
    show,
    overlay: false,
    duration: 0,
    customStyle: 'height: 0; overflow: hidden; background: transparent;',
    onBeforeLeave: () => latest.current(),
    onAfterLeave: () => {
      setShow(false);
      setTimeout(() => setShow(true), 0);
    },
  });
}
