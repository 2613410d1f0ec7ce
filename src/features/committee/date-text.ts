/** A Beijing calendar date (2024-10-12) as people write it: 2024年10月12日. */
export const dateText = (date: string): string => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
