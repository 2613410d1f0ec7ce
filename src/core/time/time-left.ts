/**
 * How long until a deadline, as a person reads it next to the date: 还剩 6 天 / 还剩 5 小时 /
 * 还剩 20 分钟 / 已截止. Rounded down, so it never promises more time than there is. `now` is the
 * server's time (the phone's clock is never trusted for a deadline).
 */
export function timeLeftText(deadline: Date, now: Date): string {
  const ms = deadline.getTime() - now.getTime();
  if (ms < 0) return '已截止';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `还剩 ${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `还剩 ${hours} 小时`;
  return `还剩 ${Math.floor(hours / 24)} 天`;
}
