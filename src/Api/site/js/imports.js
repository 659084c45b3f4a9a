// The ledger upload page (导入台账): pick a kind, download its template, upload a file for a dry run, read what each row would
// do, then commit it while a progress bar follows the import's rowsDone (the commit is written batch by batch; GET /imports/{id}
// shows how far it is), and download the refused rows as a workbook to correct. Every call goes through the API with the
// signed-in key; files travel as the request body, never through a URL.
import { api, requireSignIn, header, el, session, ApiError } from './api.js';
import { t, roleName, english, explain } from './i18n.js';

const me = requireSignIn();
header(t('imports'), me, t, roleName);
const $ = id => document.getElementById(id);
const KINDS = ['deals', 'companies', 'activities', 'letters', 'funds'];
const canWrite = me.role !== 'analyst';
let current = null;

for (const [id, key] of [['l-kind', 'ledgerKind'], ['l-file', 'ledgerFile'], ['template', 'template'], ['dry-run', 'dryRun'], ['commit', 'commit'], ['refusals', 'refusalsXlsx'], ['h-row', 'row'], ['h-code', 'code'], ['h-reason', 'reason']]) {
  $(id).textContent = t(key);
}
for (const kind of KINDS) $('kind').append(el('option', { value: kind }, t(`kind.${kind}`)));
const notice = text => { $('notice').textContent = text; };
if (!canWrite) {
  notice(t('importsReadOnly'));
  $('dry-run').disabled = true;
}

/** Fetches a file with the key in a header and hands it to the browser as a download. */
async function download(path, name) {
  const response = await fetch('/api/v1' + path, { headers: { 'X-Api-Key': session.key() ?? '', 'Accept-Language': english ? 'en' : 'zh-CN' } });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  const link = el('a', { href: URL.createObjectURL(await response.blob()), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

function show(import_) {
  current = import_;
  const c = import_.counts;
  $('result').hidden = false;
  $('result').dataset.status = import_.status;
  $('summary').textContent = `${t(`status.${import_.status}`)}：${t('rows')} ${c.rows} · ${t('create')} ${c.create} · ${t('update')} ${c.update} · ${t('unchanged')} ${c.unchanged} · ${t('refused')} ${c.refused}`;
  const done = import_.status === 'dryRun' ? 0 : import_.rowsDone;
  $('progress').max = Math.max(c.rows, 1);
  $('progress').value = done;
  $('progress-text').textContent = `${done} / ${c.rows}`;
  $('commit').disabled = !canWrite || import_.status === 'committed';
  $('refusals').disabled = c.refused === 0;
  const body = $('refused').querySelector('tbody');
  body.replaceChildren(...(import_.rows ?? []).filter(r => r.action === 'refused').slice(0, 500).map(r =>
    el('tr', { 'data-row': r.row }, el('td', {}, r.row), el('td', {}, r.code ?? ''), el('td', {}, Object.entries(r.errors ?? {}).map(([field, said]) => `${field}: ${said.join(' ')}`).join('；')))));
}

$('template').addEventListener('click', () => download(`/imports/templates/${$('kind').value}.xlsx`, `${$('kind').value}-template.xlsx`).catch(e => notice(e.message)));

$('upload').addEventListener('submit', async event => {
  event.preventDefault();
  const file = $('file').files[0];
  if (!file) { notice(t('chooseFile')); return; }
  notice('');
  const response = await fetch(`/api/v1/imports?kind=${$('kind').value}&fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'X-Api-Key': session.key() ?? '', 'Content-Type': file.type || 'application/octet-stream', Accept: 'application/json', 'Accept-Language': english ? 'en' : 'zh-CN' },
    body: file,
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) { $('result').hidden = true; notice(explain(data) ?? data?.detail ?? `HTTP ${response.status}`); return; }
  show(data);
});

$('commit').addEventListener('click', async () => {
  const id = current.id;
  $('commit').disabled = true;
  $('result').dataset.status = 'committing';
  // Follow the commit's progress while it runs: each batch it writes moves rowsDone.
  const poll = setInterval(() => api(`/imports/${id}`).then(i => { if (i.status !== 'dryRun') show(i); }).catch(() => {}), 400);
  try {
    show(await api(`/imports/${id}/commit`, { method: 'POST', body: {} }));
    notice(t('committedNotice'));
  } catch (e) {
    notice(e instanceof ApiError ? explain(e.problem) ?? e.message : e.message);
  } finally {
    clearInterval(poll);
  }
});

$('refusals').addEventListener('click', () => download(`/imports/${current.id}/refusals.xlsx`, `import-${current.id}-refusals.xlsx`).catch(e => notice(e.message)));
document.body.dataset.loaded = '';
