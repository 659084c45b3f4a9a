// Labels in Chinese unless the browser prefers English.
export const english = (navigator.languages?.[0] ?? navigator.language ?? 'zh').toLowerCase().startsWith('en');

const zh = {
  appName: 'DealPipeline 招商项目管理', signIn: '登录', signOut: '退出', keyLabel: 'API 密钥', signedInAs: '已登录', cockpit: '驾驶舱', board: '项目看板',
  badKey: '密钥无效或已吊销。', keyHint: '密钥只保存在本浏览器标签页中（sessionStorage），关闭标签页即清除。',
  year: '年度', park: '园区', team: '专班', all: '全部', refresh: '刷新', screen: '大屏模式',
  pipelineTotal: '在谈意向投资', signedTile: '今年签约', landedTile: '今年落地', negotiating: '在谈项目', keyProjects: '其中重点项目', lettersTile: '今年三书',
  target: '目标', rate: '完成率', projects: '个', funnel: '各阶段项目', trend: '月度签约与落地', byPark: '按园区', bySector: '按产业', byTeam: '按专班',
  stale: '30 天无人跟进', events: '最近活动成效', noCharts: '图表库未安装：以表格显示。安装 Node.js 后重新构建即可显示图表。',
  count: '数量', amount: '意向投资', signedCol: '签约', landedCol: '落地', month: '月份', days: '天', visitors: '接待', companies: '企业', letters: '三书', investment: '意向投资',
  moveTo: '移至…', move: '移动', hold: '暂缓', lost: '标记流失', reactivate: '恢复', readOnly: '只读：分析角色不能修改项目。',
  reasonPrompt: '退回前一阶段需要填写原因：', lostPrompt: '流失原因', confirm: '确定', cancel: '取消', inStage: '本阶段', history: '历史', activities: '跟进记录',
  addActivity: '添加跟进', summary: '摘要', on: '日期', type: '类型', close: '关闭', owner: '负责人', company: '企业', moved: '已移动',
};
const en = {
  appName: 'DealPipeline', signIn: 'Sign in', signOut: 'Sign out', keyLabel: 'API key', signedInAs: 'Signed in', cockpit: 'Cockpit', board: 'Pipeline board',
  badKey: 'The key is unknown or revoked.', keyHint: 'The key is kept in this browser tab only (sessionStorage) and cleared when it closes.',
  year: 'Year', park: 'Park', team: 'Team', all: 'All', refresh: 'Refresh', screen: 'Large screen',
  pipelineTotal: 'Intended investment in pipeline', signedTile: 'Signed this year', landedTile: 'Landed this year', negotiating: 'In negotiation', keyProjects: 'key projects', lettersTile: 'Letters this year',
  target: 'target', rate: 'achieved', projects: '', funnel: 'Deals by stage', trend: 'Signings and landings by month', byPark: 'By park', bySector: 'By sector', byTeam: 'By team',
  stale: 'Untouched for 30 days', events: 'Latest events', noCharts: 'The chart library is not installed: figures are shown as tables. Install Node.js and build again for charts.',
  count: 'Deals', amount: 'Intended', signedCol: 'Signed', landedCol: 'Landed', month: 'Month', days: 'days', visitors: 'Visitors', companies: 'Companies', letters: 'Letters', investment: 'Intended',
  moveTo: 'Move to…', move: 'Move', hold: 'Hold', lost: 'Mark lost', reactivate: 'Reactivate', readOnly: 'Read-only: analysts cannot change deals.',
  reasonPrompt: 'A backward move needs a reason:', lostPrompt: 'Reason lost', confirm: 'OK', cancel: 'Cancel', inStage: 'in stage', history: 'History', activities: 'Activities',
  addActivity: 'Add activity', summary: 'Summary', on: 'Date', type: 'Type', close: 'Close', owner: 'Owner', company: 'Company', moved: 'Moved',
};
export const t = key => (english ? en : zh)[key] ?? key;

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
