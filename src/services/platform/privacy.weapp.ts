import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

/**
 * WeChat's privacy check: the first photo (chooseMedia) waits until the person agrees to the
 * privacy guide, declared for photos and ID numbers in the mini-program's settings. WeChat asks the
 * app (`onNeedPrivacyAuthorization`) to show its own prompt with an agree button
 * (`open-type="agreePrivacyAuthorization"`, id `AGREE_PRIVACY_ID`); the pending call continues on
 * 同意 and fails on 拒绝.
 */
export const AGREE_PRIVACY_ID = 'agree-privacy';

export function usePrivacyPrompt(): { readonly open: boolean; readonly agree: () => void; readonly refuse: () => void } {
  const pending = useRef<((option: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void) | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    Taro.onNeedPrivacyAuthorization?.((resolve) => {
      pending.current = resolve;
      resolve({ event: 'exposureAuthorization' });
      setOpen(true);
    });
  }, []);
  const settle = (event: 'agree' | 'disagree') => {
    pending.current?.(event === 'agree' ? { event, buttonId: AGREE_PRIVACY_ID } : { event });
    pending.current = null;
    setOpen(false);
  };
  return { open, agree: () => settle('agree'), refuse: () => settle('disagree') };
}

/**
 * Before the app itself collects something the privacy guide declares (the ID number, typed in,
 * which no WeChat API guards): WeChat shows the prompt if the person has not agreed yet and
 * answers once they have; false when they refuse (or the base library is too old to ask).
 */
export function requirePrivacy(): Promise<boolean> {
  return new Promise((resolve) => {
    if (typeof Taro.requirePrivacyAuthorize !== 'function') return resolve(true);
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}
