// The officers' pipeline board: a column per stage with its count and sum, a card per deal the
// caller may see (the API decides: confidential deals of other teams never arrive), moved by
// dragging or with the card's own controls; every change goes through the API with If-Match, and
// a refusal is explained by its code.
import { api, all, requireSignIn, header, el, money, todayCst, ApiError } from './api.js';
import { t, roleName, stageName, statusName, reasonName, explain, STAGES, LOST_REASONS } from './i18n.js';

const me = requireSignIn();
header(t('board'), me, t, roleName);
const $ = id => document.getElementById(id);
const canWrite = me.role !== 'analyst';
const deals = new Map();
const enteredOn = new Map();
let companies = new Map();
let users = new Map();
let totals = new Map();
const today = todayCst();

const notice = text => { $('notice').textContent = text; };
const days = on => (on ? Math.max(0, Math.round((Date.parse(today) - Date.parse(on)) / 86_400_000)) : '');

async function load() {
  const [list, companyList, userList, history, report] = await Promise.all([
    all('/deals?status=active,onHold&limit=500'),
    all('/companies?limit=500'),
    all('/users?limit=500'),
    all('/history?limit=500'),
    api('/reports/pipeline?groupBy=stage&status=any'),
  ]);
  deals.clear();
  for (const deal of list) deals.set(deal.id, deal);
  companies = new Map(companyList.map(c => [c.id, c.name]));
  users = new Map(userList.map(u => [u.id, u.name]));
  totals = new Map(report.rows.map(r => [r.key, r]));
  for (const entry of history) if (entry.kind === 'stage') enteredOn.set(entry.dealId, entry.on);
  render();
}

async function refreshTotals() {
  const report = await api('/reports/pipeline?groupBy=stage&status=any');
  totals = new Map(report.rows.map(r => [r.key, r]));
}

function amount(deal) {
  return deal.currency === 'CNY' ? money(deal.intendedInvestment) : `${deal.intendedInvestment.toLocaleString('zh-CN')} ${deal.currency}`;
}

function card(deal) {
  const node = el('article', { class: 'card', id: `deal-${deal.id}`, 'data-id': deal.id, 'data-stage': deal.stage, draggable: canWrite ? 'true' : 'false', tabindex: 0 },
    el('div', { class: 'title' },
      deal.isKeyProject ? el('span', { class: 'tag key' }, '重点') : null,
      deal.confidential ? el('span', { class: 'tag secret' }, '保密') : null,
      deal.status === 'onHold' ? el('span', { class: 'tag hold' }, statusName('onHold')) : null,
      el('a', { href: '#', class: 'open', onclick: event => { event.preventDefault(); openDrawer(deal.id).catch(e => notice(e.message)); } }, deal.name || deal.codeName)),
    el('div', { class: 'meta' }, `${companies.get(deal.companyId) ?? ''}`),
    el('div', { class: 'meta' }, `${amount(deal)} · ${users.get(deal.ownerId) ?? ''} · ${t('inStage')} ${days(enteredOn.get(deal.id))} ${t('days')}`));
  if (canWrite) {
    const target = el('select', { class: 'move-to', 'aria-label': t('moveTo') }, el('option', { value: '' }, t('moveTo')),
      STAGES.filter(s => s !== deal.stage).map(s => el('option', { value: s }, stageName(s))));
    const reason = el('select', { class: 'lost-reason', 'aria-label': t('lostPrompt') }, LOST_REASONS.map(r => el('option', { value: r }, reasonName(r))));
    node.append(el('div', { class: 'actions' },
      target,
      el('button', { class: 'move', onclick: () => target.value && move(deal.id, target.value) }, t('move')),
      deal.status === 'onHold'
        ? el('button', { class: 'reactivate', onclick: () => setStatus(deal.id, 'active') }, t('reactivate'))
        : el('button', { class: 'hold', onclick: () => setStatus(deal.id, 'onHold') }, t('hold')),
      reason,
      el('button', { class: 'lost', onclick: () => setStatus(deal.id, 'lost', reason.value) }, t('lost'))));
    node.addEventListener('dragstart', event => { event.dataTransfer.setData('text/plain', String(deal.id)); event.dataTransfer.effectAllowed = 'move'; });
  }
  return node;
}

/** Key projects first; then amounts in yuan, largest first, then other currencies (not comparable without a rate). */
function byImportance(a, b) {
  return (b.isKeyProject - a.isKeyProject) || ((b.currency === 'CNY') - (a.currency === 'CNY')) || (b.intendedInvestment - a.intendedInvestment);
}

function render() {
  $('board').replaceChildren(...STAGES.map(stage => {
    const cards = [...deals.values()].filter(d => d.stage === stage && d.status !== 'lost').sort(byImportance);
    const total = totals.get(stage);
    const column = el('section', { class: 'column', id: `column-${stage}`, 'data-stage': stage },
      el('h2', {}, el('span', {}, stageName(stage)), el('span', { class: 'total', 'data-count': total?.count ?? 0 }, `${total?.count ?? 0} · ${money(total?.intendedInvestment ?? 0)}`)),
      cards.map(card));
    if (canWrite) {
      column.addEventListener('dragover', event => { event.preventDefault(); column.classList.add('over'); });
      column.addEventListener('dragleave', () => column.classList.remove('over'));
      column.addEventListener('drop', event => {
        event.preventDefault();
        column.classList.remove('over');
        const id = Number(event.dataTransfer.getData('text/plain'));
        if (id && deals.get(id)?.stage !== stage) move(id, stage);
      });
    }
    return column;
  }));
  document.body.dataset.loaded = String(Date.now());
}

function ask(text) {
  return new Promise(resolve => {
    $('ask-text').textContent = text;
    $('ask-reason').value = '';
    $('ask-ok').textContent = t('confirm');
    $('ask-cancel').textContent = t('cancel');
    $('ask').addEventListener('close', () => resolve($('ask').returnValue === 'ok' ? $('ask-reason').value.trim() : null), { once: true });
    $('ask').showModal();
  });
}

async function change(id, call) {
  try {
    const changed = await call(deals.get(id));
    deals.set(id, changed);
    enteredOn.set(id, today);
    await refreshTotals();
    render();
    notice(`${t('moved')}：${changed.name || changed.codeName} → ${stageName(changed.stage)} · ${statusName(changed.status)}`);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    notice(explain(error.problem));
    if (error.status === 412 || error.status === 404) {
      try { deals.set(id, await api(`/deals/${id}`)); } catch { deals.delete(id); }
      render();
      notice(explain(error.problem));
    }
  }
}

async function move(id, to) {
  const deal = deals.get(id);
  let reason;
  if (STAGES.indexOf(to) < STAGES.indexOf(deal.stage)) {
    reason = await ask(t('reasonPrompt'));
    if (!reason) return;
  }
  await change(id, current => api(`/deals/${id}/transitions`, { method: 'POST', body: { to, reason }, ifMatch: current.version }));
}

async function setStatus(id, status, reason) {
  await change(id, current => api(`/deals/${id}/status`, { method: 'POST', body: { status, reason }, ifMatch: current.version }));
  if (status === 'lost') { deals.delete(id); render(); }
}

async function openDrawer(id) {
  const [deal, history, activities] = await Promise.all([api(`/deals/${id}`), all(`/deals/${id}/history?limit=500`), all(`/deals/${id}/activities?limit=500`)]);
  const drawer = $('drawer');
  const fields = [['', deal.name || deal.codeName], [t('company'), companies.get(deal.companyId) ?? ''], [t('amount'), amount(deal)], ['', `${stageName(deal.stage)} · ${statusName(deal.status)}`],
    [t('owner'), users.get(deal.ownerId) ?? '']];
  const form = el('form', { class: 'inline', id: 'add-activity' },
    el('select', { name: 'type', 'aria-label': t('type') }, ['call', 'meeting', 'visit', 'siteVisit', 'reception', 'other'].map(v => el('option', { value: v }, v))),
    el('input', { name: 'on', type: 'date', value: today, max: today, 'aria-label': t('on') }),
    el('input', { name: 'summary', required: true, maxlength: 500, placeholder: t('summary') }),
    el('button', { class: 'primary', type: 'submit' }, t('addActivity')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      await api(`/deals/${id}/activities`, { method: 'POST', body: { type: data.get('type'), on: data.get('on'), summary: data.get('summary') } });
      await openDrawer(id);
    } catch (error) { notice(error instanceof ApiError ? explain(error.problem) : error.message); }
  });
  drawer.replaceChildren(
    el('button', { onclick: () => { drawer.hidden = true; } }, t('close')),
    el('dl', {}, fields.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    el('h3', {}, t('history')),
    el('ul', { id: 'drawer-history' }, history.map(h => el('li', {}, `${h.on} ${h.kind === 'stage' ? `${h.from ? stageName(h.from) : ''} → ${stageName(h.to)}` : `${statusName(h.from)} → ${statusName(h.to)}`}${h.reason ? `（${h.reason}）` : ''}`))),
    el('h3', {}, t('activities')),
    el('ul', { id: 'drawer-activities' }, activities.map(a => el('li', {}, `${a.on} ${a.type} ${a.summary ?? ''}`))),
    canWrite ? form : null);
  drawer.hidden = false;
}

if (!canWrite) notice(t('readOnly'));
await load().catch(error => notice(error.message));
