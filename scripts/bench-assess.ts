/** Eligibility figures for `npm run bench`; filled in with the eligibility engine. */
export async function benchAssess(
  _print: (name: string, value: number, unit: string) => void,
  _weappDir: string,
): Promise<void> {}
