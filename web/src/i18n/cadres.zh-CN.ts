/**
 * 简体中文 for the cadre pages (常态化下沉, 双向管理·工作台账). A part of the dictionary loaded with
 * that lazy page only. Keys never repeat a key of the main one.
 */
export const cadresZhCN = {
  "cadres.title": "干部下沉",
  "cadres.subtitle": "机关干部常态化下沉到三级网格任网格助理，工作台账双向管理。",
  "cadres.offTitle": "本区未开启干部下沉",
  "cadres.offBody": "区级管理员在治理机制中开启“干部常态化下沉”后即可使用。",
  "cadres.notFoundTitle": "找不到这个区",
  "cadres.notFoundBody": "地址可能有误，或者您无权查看这个区。",
  "cadres.noAccessTitle": "没有可用的功能",
  "cadres.noAccessBody": "这里供下沉干部记录台账，以及社区（区级管理员、网格长）查看和评价。",

  "mine.title": "我的网格",
  "mine.unassignedTitle": "您还没有下沉任务",
  "mine.unassignedBody": "社区为您分配网格后，就可以在这里记录工作台账。",
  "mine.grid": "下沉网格",
  "mine.unit": "派出单位",
  "mine.period": "下沉时段",
  "mine.periodValue": "{from} 至 {to}",

  "log.title": "记一笔台账",
  "log.kind": "工作类型",
  "log.date": "日期",
  "log.hours": "时长（小时）",
  "log.notes": "工作内容",
  "log.notesHint": "例如：走访了哪些住户、发现了什么问题",
  "log.photos": "照片（可选）",
  "log.submit": "保存台账",
  "log.saving": "正在保存…",
  "log.saved": "已记入台账。",
  "log.required": "请填写此项",
  "log.hoursRange": "时长应在 0.25 到 24 小时之间",
  "log.photosBusy": "照片还在上传，请稍候。",

  "ledger.title": "工作台账",
  "ledger.empty": "还没有台账记录。",
  "ledger.hours": "{hours} 小时",
  "ledger.photos": "{count} 张照片",
  "ledger.more": "加载更多",

  "evaluations.title": "月度评价",
  "evaluations.empty": "还没有社区评价。",
  "evaluations.scores": "态度 {attitude} · 状态 {workState} · 成效 {performance}",
  "grade.excellent": "优秀",
  "grade.good": "良好",
  "grade.fair": "一般",
  "grade.poor": "较差",

  "coverage.title": "网格助理覆盖",
  "coverage.summary": "{tier}级网格 {grids} 个：{covered} 个有网格助理，{uncovered} 个没有",
  "coverage.assistants": "网格助理 {count} 人",
  "coverage.showUncovered": "只看没有助理的网格",
  "coverage.showAll": "全部网格",
  "coverage.none": "暂无网格助理",
  "coverage.emptyGrids": "还没有最低一级的网格。",
  "coverage.more": "还有 {count} 个网格未列出",

  "list.title": "下沉干部",
  "list.unit": "派出单位",
  "list.allUnits": "全部单位",
  "list.empty": "还没有下沉干部。",
  "list.open": "查看台账",

  "detail.back": "返回干部列表",
  "detail.evaluate": "填写月度评价",

  "evaluate.title": "月度评价",
  "evaluate.month": "月份",
  "evaluate.attitude": "工作态度（1–5）",
  "evaluate.workState": "工作状态（1–5）",
  "evaluate.performance": "工作成效（1–5）",
  "evaluate.grade": "评价等级",
  "evaluate.comment": "评价意见",
  "evaluate.submit": "保存评价",
  "evaluate.saved": "评价已保存。",
  "evaluate.cancel": "取消",

  "feedback.title": "单位反馈表",
  "feedback.body": "按派出单位和月份下载：每名干部的台账合计、时长和社区评价。",
  "feedback.unit": "派出单位",
  "feedback.month": "月份",
  "feedback.xlsx": "下载 Excel",
  "feedback.csv": "下载 CSV",
  "feedback.noUnits": "还没有派出单位。",
} as const;

export type CadreMessageKey = keyof typeof cadresZhCN;
