// The managers' cockpit (领导驾驶舱): the year's figures against targets, the funnel, the monthly
// trend, breakdowns, deals gone quiet and the latest events' yield. Every figure comes from the
// reports API with the filters shown; unchanged reports are 304s (see api.js).
import { api, all, requireSignIn, header, el, money, yi, todayCst } from './api.js';
import { t, roleName, stageName, english } from './i18n.js';

const me = requireSignIn();
header(t('cockpit'), me, t, roleName);
const $ = id => document.getElementById(id);
for (const [id, key] of [['l-year', 'year'], ['l-park', 'park'], ['l-team', 'team'], ['refresh', 'refresh'], ['screen', 'screen'], ['h-funnel', 'funnel'],
  ['h-trend', 'trend'], ['h-park', 'byPark'], ['h-sector', 'bySector'], ['h-team', 'byTeam'], ['h-stale', 'stale'], ['h-events', 'events'], ['h-ranking', 'ranking']]) $(id).textContent = t(key);

const params = new URLSearchParams(location.search);
const today = todayCst();
const thisYear = Number(today.slice(0, 4));
const charts = typeof window.echarts === 'object';
if (!charts) {
  $('notice').textContent = t('noCharts');
  for (const node of document.querySelectorAll('.chart')) node.hidden = true;
}
if (params.get('screen') === '1') document.body.classList.add('screen');

async function fillFilters() {
  for (let y = thisYear; y > thisYear - 4; y--) $('year').append(el('option', { value: y, selected: String(y) === (params.get('year') ?? String(thisYear)) }, y));
  $('park').append(el('option', { value: '' }, t('all')));
  $('team').append(el('option', { value: '' }, t('all')));
  for (const park of await all('/parks?limit=500')) $('park').append(el('option', { value: park.id, selected: String(park.id) === params.get('parkId') }, park.name));
  for (const team of await all('/teams?limit=500')) $('team').append(el('option', { value: team.id, selected: String(team.id) === params.get('teamId') }, team.name));
}

function filters() {
  const query = new URLSearchParams();
  if ($('park').value) query.set('parkId', $('park').value);
  if ($('team').value) query.set('teamId', $('team').value);
  return query;
}

function tile(id, label, value, text, sub, rag) {
  return el('div', { class: 'tile', id, 'data-value': value, 'data-rag': rag }, el('div', { class: 'label' }, label), el('div', { class: 'value' }, text), el('div', { class: 'sub' }, sub ?? ''));
}

function completion(target) {
  return target ? `${t('target')} ${target.target} · ${t('rate')} ${(target.completion * 100).toFixed(1)}%` + (target.pace === null ? '' : ` · ${t('pace')} ${(target.pace * 100).toFixed(1)}%`) : '';
}

// Red, amber or green against 序时进度: the completion over the share of the year elapsed (pace) at least 1 is on schedule,
// at least 0.8 behind but within reach, below that red. No target, or no time elapsed: no colour.
function rag(target) {
  if (!target || target.pace === null || target.pace === undefined) return undefined;
  return target.pace >= 1 ? 'green' : target.pace >= 0.8 ? 'amber' : 'red';
}

function table(id, head, rows) {
  $(id).replaceChildren(el('thead', {}, el('tr', {}, head.map((h, i) => el('th', { class: i ? 'num' : undefined }, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map((c, i) => el('td', { class: i ? 'num' : undefined }, c))))));
}

function chart(id, option) {
  if (!charts) return;
  const node = $(id);
  const instance = window.echarts.getInstanceByDom(node) ?? window.echarts.init(node, document.body.classList.contains('screen') ? 'dark' : undefined);
  instance.setOption({ animation: false, grid: { left: 60, right: 20, top: 30, bottom: 40 }, tooltip: { trigger: 'axis' }, ...option }, true);
}

function bars(id, rows) {
  chart(id, { xAxis: { type: 'category', data: rows.map(r => r.label), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', name: english ? '100M CNY' : '亿元' }, series: [{ type: 'bar', data: rows.map(r => Number((r.intendedInvestment / 1e8).toFixed(2))) }] });
}

async function load() {
  const year = Number($('year').value);
  const query = filters();
  const asOf = year < thisYear ? `&asOf=${year}-12-31` : '';
  const [performance, byStage, byPark, bySector, byTeam, stale, events] = await Promise.all([
    api(`/reports/performance?year=${year}&${query}`),
    api(`/reports/pipeline?groupBy=stage${asOf}&${query}`),
    api(`/reports/pipeline?groupBy=park${asOf}&${query}`),
    api(`/reports/pipeline?groupBy=sector${asOf}&${query}`),
    api(`/reports/pipeline?groupBy=team${asOf}&${query}`),
    api(`/reports/stale?days=30&limit=10&${query}`),
    all('/events?limit=500'),
  ]);
  const pipeline = byStage.rows.reduce((sum, r) => sum + r.intendedInvestment, 0);
  const targets = performance.targets;
  $('tiles').replaceChildren(
    tile('tile-pipeline', t('pipelineTotal'), pipeline.toFixed(2), yi(pipeline), `${byStage.rows.reduce((n, r) => n + r.count, 0)} ${t('projects')}`),
    tile('tile-signed', t('signedTile'), performance.signed.count, `${performance.signed.count} ${t('projects')}`, [money(performance.signed.contractedInvestment), completion(targets?.signedCount)].filter(Boolean).join(' · '), rag(targets?.signedCount)),
    tile('tile-landed', t('landedTile'), performance.landed.count, `${performance.landed.count} ${t('projects')}`, [money(performance.landed.contractedInvestment), completion(targets?.landedCount)].filter(Boolean).join(' · '), rag(targets?.landedCount)),
    tile('tile-negotiating', t('negotiating'), performance.inNegotiation.count, `${performance.inNegotiation.count} ${t('projects')}`, `${t('keyProjects')} ${performance.inNegotiation.keyProjects} · ${yi(performance.inNegotiation.intendedInvestment)}`),
    tile('tile-letters', t('lettersTile'), performance.letters.total, `${performance.letters.total}`, ''));

  table('funnel', [t('funnel'), t('count'), t('amount')], byStage.rows.map(r => [stageName(r.key), r.count, money(r.intendedInvestment)]));
  chart('chart-funnel', { xAxis: { type: 'category', data: byStage.rows.map(r => stageName(r.key)) }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: byStage.rows.map(r => r.count) }] });
  for (const [id, chartId, report] of [['by-park', 'chart-park', byPark], ['by-sector', 'chart-sector', bySector], ['by-team', 'chart-team', byTeam]]) {
    table(id, ['', t('count'), t('amount')], report.rows.map(r => [r.label, r.count, money(r.intendedInvestment)]));
    bars(chartId, report.rows);
  }

  // One call for the monthly trend (the series endpoint), up to today in the current year.
  const to = year === thisYear ? today : `${year}-12-31`;
  const series = await api(`/reports/performance/series?from=${year}-01-01&to=${to}&interval=month&${query}`);
  table('trend', [t('month'), t('signedCol'), t('landedCol')], series.rows.map(r => [r.period, r.signedCount, r.landedCount]));
  chart('chart-trend', { legend: { top: 0 }, grid: { left: 40, right: 20, top: 40, bottom: 40 }, xAxis: { type: 'category', data: series.rows.map(r => r.period) }, yAxis: { type: 'value' },
    series: [{ name: t('signedCol'), type: 'bar', data: series.rows.map(r => r.signedCount) }, { name: t('landedCol'), type: 'line', data: series.rows.map(r => r.landedCount) }] });

  table('stale', ['', t('owner'), '', t('days')], stale.items.map(d => [d.name, d.ownerName, stageName(d.stage), d.idleDays]));

  // The parks' board (赛马榜) for the year, on the default weighted figures, by 功效系数法 (a park filter would leave one park).
  const teamOnly = $('team').value ? `&teamId=${$('team').value}` : '';
  const board = await api(`/reports/rankings?by=park&year=${year}${teamOnly}`);
  table('ranking', [t('rank'), t('park'), t('score')], board.items.map(i => [i.rank, i.name, i.score.toFixed(2)]));
  const latest = events.filter(e => e.startsOn <= today).sort((a, b) => b.startsOn.localeCompare(a.startsOn)).slice(0, 5);
  const yields = await Promise.all(latest.map(e => api(`/events/${e.id}/report`)));
  table('events', ['', t('visitors'), t('companies'), t('letters'), t('investment')],
    latest.map((e, i) => [`${e.startsOn} ${e.name}`, yields[i].visitorsReceived ?? '', yields[i].companiesEngaged, yields[i].letters.total, money(yields[i].intendedInvestment)]));
  document.body.dataset.loaded = String(Date.now());
}

$('filters').addEventListener('submit', event => { event.preventDefault(); load().catch(showError); });
$('screen').addEventListener('click', () => {
  const next = new URLSearchParams(filters());
  next.set('year', $('year').value);
  if (!document.body.classList.contains('screen')) next.set('screen', '1');
  location.search = next.toString();
});
function showError(error) { $('notice').textContent = error.message; }

await fillFilters();
await load().catch(showError);
// The large screen refreshes itself; an unchanged report is a 304.
if (document.body.classList.contains('screen')) setInterval(() => load().catch(showError), 180_000);
