import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, square, startTestApi } from "../../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
const resident = { as: As.jianyangResident };
const cadre = { as: As.jianyangCadre };
const worker = { as: As.jianyangWorker };
let community: string;
let grid: string;
let leaf: string;

beforeAll(async () => {
  api = await startTestApi();
  const top = await api.call("POST", "/grids", {
    as: As.jianyangAdmin,
    body: { code: "WS", name: "心愿社区", tier: 1, boundary: square(118.4, 27.6, 0.02) },
  });
  expect(top.status, JSON.stringify(top.body)).toBe(201);
  community = top.body.gridID;
  const child = await api.call("POST", "/grids", {
    as: As.jianyangAdmin,
    body: { code: "WS01", name: "心愿一网格", tier: 2, parentID: community, boundary: square(118.4, 27.6, 0.01) },
  });
  expect(child.status, JSON.stringify(child.body)).toBe(201);
  grid = child.body.gridID;
  const lowest = await api.call("POST", "/grids", {
    as: As.jianyangAdmin,
    body: { code: "WS0101", name: "心愿一微网格", tier: 3, parentID: grid, boundary: square(118.4, 27.6, 0.01) },
  });
  expect(lowest.status, JSON.stringify(lowest.body)).toBe(201);
  leaf = lowest.body.gridID;
  await api.place(As.jianyangWorker, community);
  // The cadre is seconded to the lowest grid: they claim its wishes only.
  await api.second(As.jianyangCadre, leaf);
});
afterAll(() => api?.close());

const post = (body: Record<string, unknown> = {}) =>
  api.call("POST", "/wishes", {
    ...resident,
    body: { title: "想要一副老花镜", description: "眼睛花了看不清药盒上的字", lon: 118.405, lat: 27.605, ...body },
  });

describe("micro-wishes through the API", () => {
  it("a resident posts by position, one of two concurrent claims wins, the holder fulfils and the resident confirms", async () => {
    const posted = await post();
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect(posted.body).toMatchObject({
      status: "open",
      gridID: leaf,
      gridPath: [community, grid, leaf],
      posterID: "resident",
      claimantID: null,
    });
    const id = posted.body.wishID;

    // The cadre sees it among the open wishes of the community (the grid and below).
    const open = await api.call("GET", `/wishes?gridID=${community}`, cadre);
    expect(open.body.items.map((wish: { wishID: string }) => wish.wishID)).toContain(id);

    const [first, second] = await Promise.all([
      api.call("POST", `/wishes/${id}/claim`, { ...cadre, body: {} }),
      api.call("POST", `/wishes/${id}/claim`, { ...worker, body: {} }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.body.code).toBe("wish.claimed");
    const holder = first.status === 200 ? cadre : worker;
    const other = first.status === 200 ? worker : cadre;
    const again = await api.call("POST", `/wishes/${id}/claim`, { ...other, body: {} });
    expect(again.status).toBe(409);

    // Only the holder fulfils.
    const notHolder = await api.call("POST", `/wishes/${id}/fulfil`, { ...other, body: { note: "送去了" } });
    expect(notHolder.status).toBe(403);
    expect(notHolder.body.code).toBe("wish.not_claimant");
    const byResident = await api.call("POST", `/wishes/${id}/claim`, { ...resident, body: {} });
    expect(byResident.status).toBe(403);
    expect((await api.call("POST", `/wishes/${id}/confirm`, { ...resident, body: {} })).status).toBe(409);

    const fulfilled = await api.call("POST", `/wishes/${id}/fulfil`, { ...holder, body: { note: "已送上老花镜一副" } });
    expect(fulfilled.status, JSON.stringify(fulfilled.body)).toBe(200);
    expect(fulfilled.body).toMatchObject({ status: "fulfilled", fulfilNote: "已送上老花镜一副", claimantID: holder.as.userID });
    expect((await api.call("POST", `/wishes/${id}/confirm`, { ...holder, body: {} })).status).toBe(403);
    const confirmed = await api.call("POST", `/wishes/${id}/confirm`, { ...resident, body: {} });
    expect(confirmed.body.status).toBe("confirmed");

    const mine = await api.call("GET", "/wishes?view=mine", resident);
    expect(mine.body.items[0]).toMatchObject({ wishID: id, status: "confirmed" });
    const held = await api.call("GET", "/wishes?view=claimed", holder);
    expect(held.body.items.map((wish: { wishID: string }) => wish.wishID)).toEqual([id]);
    const progress = await api.call("GET", `/wishes/progress?gridID=${community}`, cadre);
    expect(progress.body).toMatchObject({ posted: 1, claimed: 1, fulfilled: 1, confirmed: 1 });
    const read = await api.call("GET", `/wishes/${id}`, resident);
    expect(read.body.wish.status).toBe("confirmed");
  });

  it("a holder can give a wish back and the poster can withdraw an unclaimed one", async () => {
    const posted = await post({ gridID: leaf, lon: undefined, lat: undefined, title: "希望有人陪我去医院" });
    expect(posted.status).toBe(201);
    const id = posted.body.wishID;
    expect((await api.call("POST", `/wishes/${id}/claim`, { ...cadre, body: {} })).status).toBe(200);
    expect((await api.call("POST", `/wishes/${id}/release`, { ...worker, body: {} })).status).toBe(403);
    expect((await api.call("POST", `/wishes/${id}/release`, { ...cadre, body: {} })).body).toMatchObject({
      status: "open",
      claimantID: null,
    });
    expect((await api.call("GET", `/wishes?gridID=${grid}`, worker)).body.items.map((wish: { wishID: string }) => wish.wishID)).toContain(
      id,
    );
    expect((await api.call("POST", `/wishes/${id}/cancel`, { ...resident, body: {} })).body.status).toBe("cancelled");
    expect((await api.call("POST", `/wishes/${id}/claim`, { ...cadre, body: {} })).status).toBe(409);
  });

  it("a cadre claims only on the grid they are seconded to (and below); the grid worker above it claims there too", async () => {
    const above = await post({ gridID: grid, lon: undefined, lat: undefined, title: "希望修好楼道灯" });
    expect(above.status).toBe(201);
    const refused = await api.call("POST", `/wishes/${above.body.wishID}/claim`, { ...cadre, body: {} });
    expect([refused.status, refused.body.code]).toEqual([403, "scope.seconded"]);
    expect((await api.call("GET", `/wishes/${above.body.wishID}`, resident)).body.wish.status).toBe("open");
    expect((await api.call("POST", `/wishes/${above.body.wishID}/claim`, { ...worker, body: {} })).status).toBe(200);
  });

  it("refuses bad input: no place, a place outside the district, an unknown grid, another district's wish", async () => {
    const noPlace = await post({ lon: undefined, lat: undefined });
    expect(noPlace.status).toBe(400);
    const outside = await post({ lon: 100, lat: 10 });
    expect(outside.status).toBe(400);
    expect(outside.body.code).toBe("place.outside_district");
    const unknownGrid = await post({ gridID: "grid_00000000000000000000000000", lon: undefined, lat: undefined });
    expect(unknownGrid.status).toBe(404);
    const staff = await api.call("POST", "/wishes", { as: As.jianyangStaff, body: { title: "x心愿", description: "xx", gridID: grid } });
    expect(staff.status).toBe(403);
    expect((await api.call("POST", "/wishes/wish_unknown/claim", { ...cadre, body: {} })).status).toBe(404);
  });

  it("answers 404 mechanism.off where the district has not switched micro-wishes on", async () => {
    const off = await api.call("GET", "/wishes", { as: As.yanpingAdmin });
    expect(off.status).toBe(404);
    expect(off.body.code).toBe("mechanism.off");
    const progress = await api.call("GET", "/wishes/progress", { as: As.yanpingAdmin });
    expect([progress.status, progress.body.code]).toEqual([404, "mechanism.off"]);
    // Posting is a resident's (or grid worker's): the admin is refused before the mechanism is looked at.
    const create = await api.call("POST", "/wishes", {
      as: As.yanpingAdmin,
      body: { title: "心愿标题", description: "描述", gridID: grid },
    });
    expect([create.status, create.body.code]).toEqual([403, "access.role"]);
  });
});
