/**
 * H5 (the local demo): the browser's own file picker needs no privacy prompt of the app's; the
 * WeChat build asks (`privacy.weapp.ts`).
 */
export const AGREE_PRIVACY_ID = 'agree-privacy';

export function usePrivacyPrompt(): { readonly open: boolean; readonly agree: () => void; readonly refuse: () => void } {
  return { open: false, agree: () => undefined, refuse: () => undefined };
}

/** H5 (the local demo) collects nothing under WeChat's privacy rules: agreed. */
export function requirePrivacy(): Promise<boolean> {
  return Promise.resolve(true);
}
