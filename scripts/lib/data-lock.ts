/**
 * One `npm start` per data folder: DynamoDB Local and s3rver keep their data there, and two of
 * them on the same files (or two demo replays into one table) would corrupt it. The lock is a
 * file with the owner's process ID; a lock whose process is gone is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export class DataFolderInUse extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `Another \`npm start\` (process ${pid}) is using the data folder ${folder}: stop it first (Ctrl-C in its terminal), or give this one its own folder and ports (DATA_DIR, API_PORT, WEB_PORT, DYNAMODB_PORT, S3_PORT).`,
    );
    this.name = "DataFolderInUse";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the folder's lock for this process; returns the function that releases it. */
export function lockDataFolder(folder: string, pid = process.pid): () => void {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, "start.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(pid), { flag: "wx" });
      return () => {
        if (readOwner(file) === pid) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(file);
      if (owner !== null && owner !== pid && alive(owner)) throw new DataFolderInUse(folder, owner);
      // Left by a process that is gone (killed, crashed): take it over.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${file}.`);
}

function readOwner(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
