/**
 * 简体中文 for choosing a grid by name or code and for naming people, audit events and
 * configuration changes. A part of the dictionary; keys never repeat a key of the main one.
 */
export const namesZhCN = {
  "gridSelect.placeholder": "输入网格名称或编码，如“桃园”或“JY-28”",
  "gridSelect.tier": "第{level}级",
  "gridSelect.dedicated": "专属网格",
  "gridSelect.option": "{name} · {code} · {tier}",
  "gridSelect.none": "没有找到匹配的网格",
  "gridSelect.more": "匹配较多，仅显示前 {count} 个，请输入更多字符缩小范围",
  "gridSelect.loading": "正在查找…",
  "gridSelect.browse": "或逐级选择：",
  "gridSelect.top": "全部一级网格",
  "gridSelect.up": "返回上一级",
  "gridSelect.down": "查看 {name} 的下级网格",
  "gridSelect.clear": "清除所选网格",
  "gridSelect.chosen": "已选：{name}（{code}）",
  "gridSelect.unknown": "本区县没有这个网格，请从列表中选择（可按名称或编码查找）。",
  "gridSelect.help": "上下方向键选择，回车确认；右方向键进入下级，左方向键返回上级。",
} as const;

export type NamesMessageKey = keyof typeof namesZhCN;
