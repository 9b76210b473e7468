import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { residentIDCheck } from "../register/numbers.ts";
import { mulberry32, type JianyangGrids } from "./jianyang-grids.ts";

/**
 * Jianyang's synthetic register for one community (社区): households in buildings on the
 * community's finest grids, and their people. **Entirely fictitious**: names are drawn from a
 * short list of surnames and given names; ID numbers use 建阳's region code 350784 with
 * generated dates of birth and sequence numbers (a fictitious sequence: they belong to nobody)
 * and valid check characters (GB 11643) so that the register accepts them; phones are in the
 * 170 0000 xxxx range. The rows are what a district's spreadsheet holds, and they are seeded
 * through the register's own import (`Register.importFile`).
 */
export const JianyangRegisterPlan = {
  /** The community: a first-tier grid, with its grids below. */
  community: "JY-01",
  households: 3000,
  /** Households per building (房屋): the last building may hold fewer. */
  householdsPerHouse: 6,
  /** Household sizes, in turn: a household of one is an elderly person living alone (独居老人). */
  sizes: [1, 2, 3, 4, 2, 3],
  /** Every this many people (in file order), one has a disability (残疾人): the 8th, the 48th … */
  disabledEvery: 40,
  /** Every this many households (from the 6th), the head's is a minimum-income household (低保户, a sensitive tag). */
  lowIncomeEvery: 15,
} as const;

/** The test base's smaller register (the seeded base of the test suite). */
export const SmallRegisterHouseholds = 600;

const surnames =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤";
const given = [
  "建国",
  "秀英",
  "桂英",
  "志强",
  "丽华",
  "海燕",
  "明",
  "静",
  "伟",
  "芳",
  "娜",
  "敏",
  "磊",
  "洋",
  "艳",
  "勇",
  "军",
  "杰",
  "娟",
  "涛",
  "超",
  "霞",
  "平",
  "刚",
  "辉",
  "玲",
  "鹏",
  "华",
  "红",
  "飞",
  "婷",
  "斌",
  "宇",
  "欣怡",
  "子涵",
  "浩然",
  "雨桐",
  "梓轩",
  "一诺",
  "思远",
];

const Header = ["地址", "户号", "与户主关系", "姓名", "身份证号", "手机号", "网格编码", "标签", "经度", "纬度"];
const relations = ["户主", "配偶", "子女", "子女"];

/** The rows of the community's register (header first), and what they add up to. */
export function generateJianyangRegister(collection: JianyangGrids, options: { households?: number } = {}) {
  const plan = JianyangRegisterPlan;
  const households = options.households ?? plan.households;
  const random = mulberry32(18_0784);
  const grids = collection.features.filter(
    (feature) => feature.properties.tier === 3 && feature.properties.code.startsWith(`${plan.community}-`),
  );
  if (!grids.length) throw new Error(`no third-tier grids in ${plan.community}`);
  const township = grids[0].properties.township;
  const usedIDs = new Set<string>();
  let person = 0;
  const idOf = (born: Date, male: boolean) => {
    for (;;) {
      const day = born.toISOString().slice(0, 10).replace(/-/g, "");
      const sequence = String(((person % 500) * 2 + (male ? 1 : 0)) % 1000).padStart(3, "0");
      const first17 = `350784${day}${sequence}`;
      const id = `${first17}${residentIDCheck(first17)}`;
      if (!usedIDs.has(id)) {
        usedIDs.add(id);
        return id;
      }
      born = new Date(born.getTime() + 86_400_000);
    }
  };
  const bornIn = (from: number, to: number) =>
    new Date(Date.UTC(from + Math.floor(random() * (to - from)), Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
  const pointIn = (grid: (typeof grids)[number]) => {
    const ring = grid.geometry.type === "Polygon" ? grid.geometry.coordinates[0] : grid.geometry.coordinates[0][0];
    const lons = ring.map((point) => point[0]);
    const lats = ring.map((point) => point[1]);
    const box = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    for (let tries = 0; tries < 200; tries++) {
      const point = [box[0] + random() * (box[2] - box[0]), box[1] + random() * (box[3] - box[1])];
      if (booleanPointInPolygon(point, grid.geometry)) return point.map((value) => value.toFixed(6));
    }
    return [((box[0] + box[2]) / 2).toFixed(6), ((box[1] + box[3]) / 2).toFixed(6)];
  };
  const rows: string[][] = [Header];
  let house: { address: string; code: string; point: string[] } | undefined;
  let male0 = false;
  for (let index = 0; index < households; index++) {
    if (index % plan.householdsPerHouse === 0) {
      const number = index / plan.householdsPerHouse;
      const grid = grids[number % grids.length];
      house = { address: `${township}示例小区 ${number + 1} 栋`, code: grid.properties.code, point: pointIn(grid) };
    }
    const size = plan.sizes[index % plan.sizes.length];
    const surname = surnames[Math.floor(random() * surnames.length)];
    for (let member = 0; member < size; member++) {
      const male: boolean = member === 0 ? random() < 0.5 : member === 1 ? !male0 : random() < 0.5;
      if (member === 0) male0 = male;
      const alone = size === 1;
      const born = alone ? bornIn(1935, 1955) : member < 2 ? bornIn(1955, 1995) : bornIn(1996, 2020);
      const name = `${member === 1 ? surnames[Math.floor(random() * surnames.length)] : surname}${given[Math.floor(random() * given.length)]}`;
      const tags: string[] = [];
      if (alone) tags.push("独居老人");
      if (person % plan.disabledEvery === 7) tags.push("残疾人");
      if (member === 0 && index % plan.lowIncomeEvery === 5) tags.push("低保户");
      rows.push([
        house!.address,
        `JY-HH-${String(index + 1).padStart(5, "0")}`,
        relations[member],
        name,
        idOf(born, male),
        member === 0 ? `170${String(index + 1).padStart(8, "0")}` : "",
        house!.code,
        tags.join("、"),
        house!.point[0],
        house!.point[1],
      ]);
      person++;
    }
  }
  return rows;
}
