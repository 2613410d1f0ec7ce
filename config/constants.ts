/**
 * Every constant the app's code reads at build time (`declare const` in src), as Taro's
 * `defineConstants` wants them: JSON source text. A constant the code declares but the build does
 * not define stays a bare identifier and throws a ReferenceError in WeChat; the weapp smoke test
 * (test/weapp) loads the built package to catch that.
 */
export function buildConstants(mode: 'development' | 'production'): Record<string, string> {
  // The WeChat cloud environment the mini-program calls. Empty: the AppID's default environment.
  // Development builds may point at a separate test environment (CLOUD_ENV_ID_DEV).
  const envId = (mode === 'development' ? process.env.CLOUD_ENV_ID_DEV : undefined) ?? process.env.CLOUD_ENV_ID ?? '';
  if (!/^[\w-]{0,64}$/.test(envId)) throw new Error(`CLOUD_ENV_ID is not a cloud environment id: ${JSON.stringify(envId)}`);
  return { CLOUD_ENV_ID: JSON.stringify(envId) };
}
