/**
 * How long until a defense, as the applicant reads it under the time: 还有 2 天 3 小时 / 还有 5 小时
 * 20 分钟 / 还有 8 分钟 / 答辩时间已到. Rounded down; `now` is the server's time.
 */
export function countdownText(startsAt: Date, now: Date): string {
  const ms = startsAt.getTime() - now.getTime();
  if (ms <= 0) return '答辩时间已到';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `还有 ${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `还有 ${hours} 小时${minutes % 60 > 0 ? ` ${minutes % 60} 分钟` : ''}`;
  const days = Math.floor(hours / 24);
  return `还有 ${days} 天${hours % 24 > 0 ? ` ${hours % 24} 小时` : ''}`;
}
