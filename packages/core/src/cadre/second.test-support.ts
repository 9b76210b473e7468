/**
 * Seconds cadres to a grid as a district admin would (their accounts, a home unit, the
 * assignments), so that tests of what a cadre may do on that grid start from real records.
 */
import { withActor } from "../actor.ts";
import * as Config from "../config/index.ts";
import { UserEntity } from "../user/user.entity.ts";
import { assignCadre } from "./cadre.ts";
import { allHomeUnits, createHomeUnit } from "./home-unit.ts";

/** Seconds each of `userIDs` (made cadre accounts if missing) to the lowest-tier grid `gridID` of `tenantID`; returns their cadreIDs. */
export async function secondCadres(tenantID: string, userIDs: string[], gridID: string): Promise<string[]> {
  return withActor({ type: "user", userID: "admin", tenantID, roles: ["district_admin"] }, async () => {
    const config = await Config.get();
    if (!config.mechanisms.cadreSecondment)
      await withActor({ type: "system", tenantID }, () =>
        Config.change((current) => ({ mechanisms: { ...current.mechanisms, cadreSecondment: true } })),
      );
    const unit =
      (await allHomeUnits()).find((candidate) => candidate.name === "测试下沉单位") ?? (await createHomeUnit({ name: "测试下沉单位" }));
    const cadreIDs: string[] = [];
    for (const [index, userID] of userIDs.entries()) {
      const account = (await UserEntity.get({ tenantID, userID }).go()).data;
      const phone = account?.phone ?? `1390000${String(index).padStart(4, "0")}`;
      if (!account) await UserEntity.put({ tenantID, userID, name: `下沉干部${userID}`, phone, roles: ["cadre"], status: "active" }).go();
      const cadre = await assignCadre({
        name: account?.name ?? `下沉干部${userID}`,
        phone,
        unitID: unit.unitID,
        gridID,
        userID,
        from: "2020-01-01",
        to: "2030-12-31",
      });
      cadreIDs.push(cadre.cadreID);
    }
    return cadreIDs;
  });
}
