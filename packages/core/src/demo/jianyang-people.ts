import type { DemoPerson } from "./base.ts";
import type { JianyangGrids } from "./jianyang-grids.ts";
import { mulberry32 } from "./jianyang-grids.ts";

/**
 * Jianyang's grid workforce in the article's numbers, placed on the generated grids:
 * 230 first-level leaders, 964 second-level leaders, 2,600 grid workers, 1,194 instructors,
 * 230 police chiefs, 254 full-time managers, 69 dedicated-grid workers, 760 grid assistants.
 */
export const JianyangPeopleCounts = {
  grid_leader_1: 230,
  grid_leader_2: 964,
  grid_worker: 2600,
  grid_instructor: 1194,
  grid_police_chief: 230,
  grid_manager: 254,
  dedicated_grid_worker: 69,
  grid_assistant: 760,
} as const;

/** Home units (派出单位) of the seconded cadres. */
export const JianyangHomeUnits = [
  "区委办公室",
  "区政府办公室",
  "区委组织部",
  "区委宣传部",
  "区发改局",
  "区财政局",
  "区教育局",
  "区民政局",
  "区住建局",
  "区城管局",
  "区卫健局",
  "区市场监管局",
  "区应急管理局",
  "区自然资源局",
  "区农业农村局",
  "区人社局",
  "国网建阳供电公司",
  "建阳区农商银行",
  "区税务局",
  "区交通运输局",
];

const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余叶程苏吕魏丁".split("");
const given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰建华志红玉春晓梅海燕立新文斌云飞雪琴宏亮佳慧俊峰婷雅丹辉鹏凤".split("");

/** One of Jianyang's grid people, in a role of its catalogue. */
export interface JianyangPerson extends DemoPerson {
  roleKey: keyof typeof JianyangPeopleCounts;
}

/** Deterministic people on the demo grids (same output every run). */
export function generateJianyangPeople(grids: JianyangGrids): JianyangPerson[] {
  const random = mulberry32(20220829);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const codes = (tier: number | null) =>
    grids.features.filter((feature) => feature.properties.tier === tier).map((feature) => feature.properties.code);
  const [tier1, tier2, tier3, dedicated] = [codes(1), codes(2), codes(3), codes(null)];
  const people: JianyangPerson[] = [];
  let serial = 0;
  const add = (roleKey: JianyangPerson["roleKey"], gridCode: string, homeUnit?: string) => {
    serial++;
    const name = pick(surnames) + pick(given) + (random() < 0.6 ? pick(given) : "");
    const phone = `1${pick(["33", "35", "37", "38", "39", "58", "59", "87", "89"])}${String(10_000_000 + serial * 7919).slice(-8)}`;
    people.push({ name, phone, homeUnit, roleKey, gridCode });
  };
  /** `count` grids spread evenly over `list` (every grid once before any twice). */
  const spread = (list: string[], count: number) =>
    Array.from({ length: count }, (_, index) => list[Math.floor((index * list.length) / count) % list.length]);

  for (const code of tier1) add("grid_leader_1", code);
  for (const code of tier2) add("grid_leader_2", code);
  for (const code of tier3) add("grid_worker", code);
  for (const code of [...tier1, ...tier2]) add("grid_instructor", code);
  for (const code of tier1) add("grid_police_chief", code);
  for (const code of [...tier1, ...tier1.slice(0, JianyangPeopleCounts.grid_manager - tier1.length)]) add("grid_manager", code);
  for (const code of spread(dedicated, JianyangPeopleCounts.dedicated_grid_worker)) add("dedicated_grid_worker", code);
  for (const code of spread(tier3, JianyangPeopleCounts.grid_assistant)) add("grid_assistant", code, pick(JianyangHomeUnits));
  return people;
}
