import { formatBeijingMoment } from '../../core/time/format';

/**
 * The local runtime's dev console: sign in as any seeded person, read the outbox (every message a
 * step wrote, and how it ended) and the subscription messages the runtime recorded as sent, and
 * see or move the runtime's clock.
 */

interface ConsolePerson {
  readonly personId: string;
  readonly name: string;
  readonly roleLabel: string;
  readonly note: string | null;
}

interface ConsoleMessage {
  readonly toOpenid: string;
  readonly templateId: string;
  readonly page: string;
  readonly data: Readonly<Record<string, string>>;
  readonly sentAt: string;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

interface ConsoleClock {
  readonly now: string;
  readonly moved: boolean;
}

/** The instant as `2024-08-26T10:00`, in Beijing time, for a datetime-local input. */
function beijingInputValue(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16);
}

/** An outbox entry as the console lists it. */
export interface ConsoleOutboxEntry {
  readonly id: string;
  readonly createdAt: string;
  readonly personId: string;
  readonly title: string;
  readonly body: string;
  readonly status: string;
  readonly outcome: string | null;
  /** The WeChat subscription message, as its service-notice card shows it: the template's title, its keywords' names and values. */
  readonly card: { readonly title: string; readonly lines: readonly (readonly [string, string])[]; readonly page: string } | null;
}

const OUTBOX_STATUS: Readonly<Record<string, string>> = { pending: '待发送', sending: '正在发送', sent: '已发送微信订阅消息（并有站内通知）', failed: '发送失败（已改为站内通知）', skipped: '未发订阅消息，改为站内通知' };

/** A subscription message as WeChat's 服务通知 shows it. */
function serviceCard(card: NonNullable<ConsoleOutboxEntry['card']>): string {
  const lines = card.lines.map(([name, value]) => `<div class="kv"><span>${escape(name)}</span><span>${escape(value)}</span></div>`).join('');
  return `<div class="notice-card"><div class="notice-title">${escape(card.title)}</div>${lines}<div class="notice-foot">进入小程序查看 <small>${escape(card.page)}</small></div></div>`;
}

export function renderDevConsole(people: readonly ConsolePerson[], sent: readonly ConsoleMessage[], clock: ConsoleClock, outbox: readonly ConsoleOutboxEntry[] = []): string {
  const outboxRows = outbox.length
    ? outbox
        .map(
          (m) => `<tr><td>${escape(m.createdAt)}</td><td>${escape(m.personId)}</td><td><strong>${escape(m.title)}</strong><br>${escape(m.body)}${m.card ? serviceCard(m.card) : ''}</td>
          <td>${escape(OUTBOX_STATUS[m.status] ?? m.status)}${m.outcome ? `（${escape(m.outcome)}）` : ''}</td></tr>`,
        )
        .join('')
    : '<tr><td colspan="4">发件箱是空的。申报提交、审核通过或退回时，要通知申报人的消息会先写在这里。</td></tr>';
  const rows = people
    .map(
      (p) => `<li><a class="person" href="/#/pages/login/index?personId=${encodeURIComponent(p.personId)}">
        <span class="name">${escape(p.name)}</span>
        <span class="role">${escape(p.roleLabel)}${p.note ? ` · ${escape(p.note)}` : ''}</span></a></li>`,
    )
    .join('');
  const messages = sent.length
    ? sent
        .map(
          (m) => `<tr><td>${escape(m.sentAt)}</td><td>${escape(m.toOpenid)}</td><td>${escape(m.templateId)}</td>
          <td>${escape(m.page)}</td><td><pre>${escape(JSON.stringify(m.data, null, 1))}</pre></td></tr>`,
        )
        .join('')
    : '<tr><td colspan="5">还没有发出的订阅消息。申报人提交材料、审核退回或答辩安排时，消息会出现在这里。</td></tr>';
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>职称评审通 · 本地开发控制台</title>
<style>
body{font:17px/1.6 -apple-system,"PingFang SC","WenQuanYi Micro Hei",sans-serif;margin:0;background:#ededed;color:#191919}
main{max-width:960px;margin:0 auto;padding:16px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px}
ul{list-style:none;padding:0;background:#fff;border-radius:8px}
li+li{border-top:1px solid rgba(0,0,0,.1)}
a.person{display:flex;flex-direction:column;min-height:44px;padding:12px 16px;color:inherit;text-decoration:none}
a.person:hover{background:#f5f5f5}.name{font-weight:600}.role{color:#6b6b6b;font-size:15px}
table{width:100%;border-collapse:collapse;background:#fff;font-size:14px}td{border-top:1px solid #eee;padding:8px;vertical-align:top}
pre{margin:0;white-space:pre-wrap}
.notice-card{margin-top:8px;max-width:360px;background:#fff;border:1px solid #e5e5e5;border-radius:8px;padding:12px 16px}
.notice-title{font-weight:600;margin-bottom:8px}.kv{display:flex;gap:12px}.kv span:first-child{color:#6b6b6b;min-width:5em}
.notice-foot{border-top:1px solid #eee;margin-top:8px;padding-top:8px;color:#576b95}
form{display:flex;flex-wrap:wrap;gap:8px;align-items:center}input,button{font:inherit;min-height:44px;padding:0 12px}
</style></head><body><main>
<h1>职称评审通 · 本地开发控制台</h1>
<p>本页只在本地运行环境中提供。点一个人，即以其身份打开应用；正式环境中身份由微信识别。</p>
<h2>演示身份</h2><ul>${rows}</ul>
<h2>运行环境时间</h2>
<p id="clock-now">现在是 <strong>${escape(formatBeijingMoment(new Date(clock.now)))}</strong>（北京时间）${clock.moved ? '，已调整，不是真实时间' : '，真实时间'}。应用和云函数都按这个时间判断申报窗口和截止时间。</p>
<form id="clock-form"><label>调到（北京时间）<input id="clock-input" type="datetime-local" value="${escape(beijingInputValue(clock.now))}" required></label>
<button type="submit">调整时间</button> <button type="button" id="clock-real">回到真实时间</button></form>
<p id="clock-error" role="alert"></p>
<h2>消息发件箱（最近 50 条）</h2>
<table id="outbox"><thead><tr><td>写入时间</td><td>接收人</td><td>消息</td><td>结果</td></tr></thead><tbody>${outboxRows}</tbody></table>
<h2>已发送的订阅消息（本地记录，最近 50 条）</h2>
<table id="sent"><thead><tr><td>发送时间</td><td>接收人</td><td>模板</td><td>页面</td><td>内容</td></tr></thead><tbody>${messages}</tbody></table>
</main><script>
async function setClock(now) {
  const response = await fetch('/dev/clock', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ now }) });
  const reply = await response.json();
  if (reply.ok) location.reload();
  else document.getElementById('clock-error').textContent = reply.message + ' ' + (reply.details || []).join(' ');
}
document.getElementById('clock-form').addEventListener('submit', (event) => {
  event.preventDefault();
  setClock(document.getElementById('clock-input').value + ':00+08:00');
});
document.getElementById('clock-real').addEventListener('click', () => setClock(null));
</script></body></html>`;
}
