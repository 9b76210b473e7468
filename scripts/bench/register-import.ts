/**
 * `npm run bench:register [rows]`: the register's spreadsheet import on the local stack (a fresh
 * in-memory DynamoDB Local and s3rver), `rows` people (default 100,000) in one CSV file on disk,
 * read as a stream. First the file with errors in 3 rows (a bad ID check character, a bad phone,
 * an unknown grid code): rejected with those row numbers, nothing written. Then the fixed file:
 * every row written. Prints rows per second of each run and the process's peak RSS. Not in CI.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { startDynamo, startS3 } from "../lib/local-stack.ts";

const rows = Number(process.argv[2] ?? 100_000);
const folder = mkdtempSync(join(tmpdir(), "wangge-bench-register-"));
const dynamo = await startDynamo();
const s3 = await startS3({ directory: join(folder, "s3"), bucket: "bench-register" });
Object.assign(process.env, {
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  TABLE_NAME: "bench-register",
  S3_ENDPOINT: s3.endpoint,
  BUCKET_NAME: "bench-register",
  WANGGE_MODE: "local",
  REGISTER_KEY_FILE: join(folder, "register.key"),
});
delete process.env.REGISTER_KEY_ARN;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
try {
  const { Storage, withActor, Grid, Register } = await import("@wangge/core");
  const { onboardTestDistrict, rect } = await import("@wangge/core/onboarding/test-district.test-support");
  await Storage.ensureTable();
  await Storage.ensureBucket();
  const tenantID = "bench";
  await onboardTestDistrict(tenantID, "bench-p");
  const admin = { type: "user" as const, userID: "admin", tenantID, roles: ["district_admin" as const], name: "管理员" };
  const codes: string[] = [];
  await withActor(admin, async () => {
    const top = await Grid.create({ code: "B", name: "压测社区", tier: 1, boundary: rect(0, 0, 10, 10) });
    for (let index = 0; index < 10; index++) {
      const grid = await Grid.create({
        code: `B-${index}`,
        name: `压测网格${index}`,
        tier: 2,
        parentID: top.gridID,
        boundary: rect(index, 0, index + 1, 10),
      });
      codes.push(grid.code);
    }
  });
  const id = (n: number) => {
    const first17 = `350784${1950 + (n % 60)}0${1 + (n % 9)}${String(10 + (n % 18)).padStart(2, "0")}${String(Math.floor(n / 180) % 1000).padStart(3, "0")}`;
    return `${first17}${Register.residentIDCheck(first17)}`;
  };
  // Unique ID numbers (up to 180,000): (year, month, day) cycle every lcm(60, 9, 18) = 180 people; the sequence counts the cycles.
  const bad = new Set([17, Math.floor(rows / 2), rows - 3]);
  const writeFile = async (path: string, withErrors: boolean) => {
    const out = createWriteStream(path);
    out.write("地址,户号,与户主关系,姓名,身份证号,手机号,网格编码,标签\n");
    for (let n = 0; n < rows; n++) {
      const household = Math.floor(n / 3);
      let idNumber = id(n);
      let phone = n % 3 === 0 ? `170${String(n).padStart(8, "0")}` : "";
      let code = codes[household % codes.length];
      if (withErrors && n === [...bad][0]) idNumber = `${idNumber.slice(0, 17)}${idNumber[17] === "1" ? "2" : "1"}`;
      if (withErrors && n === [...bad][1]) phone = "12345";
      if (withErrors && n === [...bad][2]) code = "NOWHERE";
      const line = `压测路 ${Math.floor(household / 4)} 号,H${household},${n % 3 === 0 ? "户主" : "子女"},压测${n},${idNumber},${phone},${code},${n % 50 === 0 ? "独居老人" : ""}\n`;
      if (!out.write(line)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
  };
  const run = async (path: string) => {
    const started = performance.now();
    let last = 0;
    Register.registerImportWorker.afterBatch = (written) => {
      if (written - last >= 10_000) {
        last = written;
        console.log(`  written ${written.toLocaleString()} (${mb(process.memoryUsage().rss)} RSS)`);
      }
    };
    const result = await withActor(admin, () => Register.importFile(() => createReadStream(path, { highWaterMark: 256 * 1024 })));
    return { result, seconds: (performance.now() - started) / 1000 };
  };

  const withErrors = join(folder, "with-errors.csv");
  await writeFile(withErrors, true);
  console.log(`${rows.toLocaleString()} rows, 3 with errors (rows ${[...bad].map((n) => n + 2).join(", ")} of the file):`);
  const first = await run(withErrors);
  console.log(
    `  ${first.result.status} (${first.result.failure?.code}), rejected rows ${first.result.rejected.map((each) => each.row).join(", ")}; checked in ${first.seconds.toFixed(1)} s = ${Math.round(rows / first.seconds).toLocaleString()} rows/s`,
  );
  const people = await withActor(admin, () => Register.searchRegister({ limit: 5 }));
  console.log(`  people in the register after it: ${people.items.length}`);

  const fixed = join(folder, "fixed.csv");
  await writeFile(fixed, false);
  console.log("the fixed file:");
  const second = await run(fixed);
  console.log(
    `  ${second.result.status}: ${second.result.written.toLocaleString()} people in ${second.seconds.toFixed(1)} s = ${Math.round(rows / second.seconds).toLocaleString()} rows/s (checked, then written)`,
  );
  console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  await Promise.all([dynamo.stop(), s3.stop()]);
  rmSync(folder, { recursive: true, force: true });
}
