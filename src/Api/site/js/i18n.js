// Labels in Chinese unless the browser prefers English.
export const english = (navigator.languages?.[0] ?? navigator.language ?? 'zh').toLowerCase().startsWith('en');

// Each label in Chinese and in English, side by side, so that neither language can miss one.
const labels = {
  appName: ['DealPipeline 招商项目管理', 'DealPipeline'],
  signIn: ['登录', 'Sign in'],
  signOut: ['退出', 'Sign out'],
  keyLabel: ['API 密钥', 'API key'],
  signedInAs: ['已登录', 'Signed in'],
  cockpit: ['驾驶舱', 'Cockpit'],
  board: ['项目看板', 'Pipeline board'],
  badKey: ['密钥无效或已吊销。', 'The key is unknown or revoked.'],
  keyHint: ['密钥只保存在本浏览器标签页中（sessionStorage），关闭标签页即清除。', 'The key is kept in this browser tab only (sessionStorage) and cleared when it closes.'],
  year: ['年度', 'Year'],
  park: ['园区', 'Park'],
  team: ['专班', 'Team'],
  all: ['全部', 'All'],
  refresh: ['刷新', 'Refresh'],
  screen: ['大屏模式', 'Large screen'],
  pipelineTotal: ['在谈意向投资', 'Intended investment in pipeline'],
  signedTile: ['今年签约', 'Signed this year'],
  landedTile: ['今年落地', 'Landed this year'],
  negotiating: ['在谈项目', 'In negotiation'],
  keyProjects: ['其中重点项目', 'key projects'],
  lettersTile: ['今年三书', 'Letters this year'],
  target: ['目标', 'target'],
  rate: ['完成率', 'achieved'],
  projects: ['个', ''],
  funnel: ['各阶段项目', 'Deals by stage'],
  trend: ['月度签约与落地', 'Signings and landings by month'],
  byPark: ['按园区', 'By park'],
  bySector: ['按产业', 'By sector'],
  byTeam: ['按专班', 'By team'],
  stale: ['30 天无人跟进', 'Untouched for 30 days'],
  events: ['最近活动成效', 'Latest events'],
  noCharts: ['图表库未安装：以表格显示。安装 Node.js 后重新构建即可显示图表。', 'The chart library is not installed: figures are shown as tables. Install Node.js and build again for charts.'],
  count: ['数量', 'Deals'],
  amount: ['意向投资', 'Intended'],
  signedCol: ['签约', 'Signed'],
  landedCol: ['落地', 'Landed'],
  month: ['月份', 'Month'],
  days: ['天', 'days'],
  visitors: ['接待', 'Visitors'],
  companies: ['企业', 'Companies'],
  letters: ['三书', 'Letters'],
  investment: ['意向投资', 'Intended'],
  moveTo: ['移至…', 'Move to…'],
  move: ['移动', 'Move'],
  hold: ['暂缓', 'Hold'],
  lost: ['标记流失', 'Mark lost'],
  reactivate: ['恢复', 'Reactivate'],
  readOnly: ['只读：分析角色不能修改项目。', 'Read-only: analysts cannot change deals.'],
  reasonPrompt: ['退回前一阶段需要填写原因：', 'A backward move needs a reason:'],
  lostPrompt: ['流失原因', 'Reason lost'],
  confirm: ['确定', 'OK'],
  cancel: ['取消', 'Cancel'],
  inStage: ['本阶段', 'in stage'],
  history: ['历史', 'History'],
  activities: ['跟进记录', 'Activities'],
  addActivity: ['添加跟进', 'Add activity'],
  summary: ['摘要', 'Summary'],
  on: ['日期', 'Date'],
  type: ['类型', 'Type'],
  close: ['关闭', 'Close'],
  owner: ['负责人', 'Owner'],
  company: ['企业', 'Company'],
  moved: ['已移动', 'Moved'],
  imports: ['导入台账', 'Import a ledger'],
  ranking: ['园区赛马榜', 'Parks board'],
  rank: ['名次', 'Rank'],
  score: ['得分', 'Score'],
  pace: ['序时进度', 'pace'],
  ledgerKind: ['台账类型', 'Ledger'],
  ledgerFile: ['文件（XLSX 或 CSV）', 'File (XLSX or CSV)'],
  template: ['下载模板', 'Download the template'],
  dryRun: ['上传并试运行', 'Upload for a dry run'],
  commit: ['提交导入', 'Commit'],
  refusalsXlsx: ['下载被拒绝的行（XLSX）', 'Download the refused rows (XLSX)'],
  row: ['行号', 'Row'],
  code: ['代码', 'Code'],
  reason: ['原因', 'Why'],
  rows: ['行数', 'rows'],
  create: ['新建', 'create'],
  update: ['更新', 'update'],
  unchanged: ['不变', 'unchanged'],
  refused: ['拒绝', 'refused'],
  chooseFile: ['请先选择文件。', 'Choose a file first.'],
  committedNotice: ['已提交：每次写入都记入审计日志和变更流。', 'Committed: every write is in the audit log and the change feed.'],
  importsReadOnly: ['只读：分析角色不能导入台账。', 'Read-only: analysts cannot import ledgers.'],
  'kind.deals': ['项目台账', 'Deals'],
  'kind.companies': ['企业', 'Companies'],
  'kind.activities': ['跟进记录', 'Activities'],
  'kind.letters': ['三书', 'Letters'],
  'kind.funds': ['资金到位', 'Funds in place'],
  'status.dryRun': ['试运行', 'Dry run'],
  'status.committing': ['提交中', 'Committing'],
  'status.committed': ['已提交', 'Committed'],
};
export const t = key => labels[key]?.[english ? 1 : 0] ?? key;

const stagesZh = { contact: '接洽', negotiation: '洽谈', letters: '三书', signed: '签约', landed: '落地' };
const statusZh = { active: '在谈', onHold: '暂缓', lost: '流失' };
const rolesZh = { admin: '管理员', manager: '管理者', officer: '招商专员', analyst: '分析' };
const reasonsZh = { choseOtherLocation: '选择了其他地区', funding: '资金问题', policyMismatch: '政策不匹配', strategyChange: '企业战略调整', other: '其他' };
export const STAGES = ['contact', 'negotiation', 'letters', 'signed', 'landed'];
export const LOST_REASONS = Object.keys(reasonsZh);
export const stageName = s => (english ? s : stagesZh[s] ?? s);
export const statusName = s => (english ? s : statusZh[s] ?? s);
export const roleName = r => (english ? r : rolesZh[r] ?? r);
export const reasonName = r => (english ? r : reasonsZh[r] ?? r);

// Why the API refused, in plain words, by its stable code (docs/errors.md).
const problemsZh = {
  preconditionFailed: '这个项目刚被别人修改过，看板已重新读取，请确认后再操作。',
  'stage.same': '项目已经在这个阶段。',
  'reason.required': '退回前一阶段需要填写原因。',
  'deal.notActive': '项目已暂缓或流失：请先恢复，再推进阶段。',
  'status.active': '项目本来就在推进中。', 'status.hold': '项目已经暂缓。', 'status.lost': '项目已经标记为流失。',
  'contractedInvestment.stage': '只有签约和落地阶段才能填写合同投资额。',
  forbidden: '您没有修改这个项目的权限（只能修改本人或本专班的项目）。',
  notFound: '找不到这个项目（可能已被删除，或您无权查看）。',
  unauthorized: '密钥无效或已吊销，请重新登录。', rateLimited: '操作太频繁，请稍后再试。', unavailable: '服务暂时不可用，请稍后再试。',
  validation: '填写的内容有误：',
};
export function explain(problem) {
  const code = problem?.code;
  if (!english && problemsZh[code]) {
    const fields = problem.errors ? ' ' + Object.values(problem.errors).flat().join('；') : '';
    return problemsZh[code] + (code === 'validation' ? fields : '');
  }
  return problem?.detail ?? problem?.title ?? String(code ?? 'error');
}
