import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Me } from "../data/types.ts";
import { jianyangApi, problem, renderApp, reply, signedIn, type FakeRequest } from "../test/harness.tsx";
import { categories, departments, detailAt, fakeUploads, pngFile, residentMe, staffMe, ticketConfig } from "../test/ticket-fixtures.ts";

// Leaflet needs a real layout (exercised in web/e2e/tickets.test.ts): a button drops the pin here.
const pin = vi.hoisted(() => ({ lon: 118.12, lat: 27.33 }));
vi.mock("../ui/location-picker.tsx", () => ({
  LocationPicker: (props: { onPick: (point: { lon: number; lat: number }, source: string) => void }) => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.testid = "ticket-map";
    button.textContent = "drop pin";
    button.addEventListener("click", () => props.onPick({ lon: pin.lon, lat: pin.lat }, "map"));
    return button;
  },
}));

const created = detailAt("collected");
const inside = {
  grid: { gridID: "grid_JY-01-01-01", code: "JY-01-01-01", name: "七贤社区第1网格", tier: 3 },
  ancestors: [
    { gridID: "grid_JY-01", code: "JY-01", name: "潭城街道第1网格", tier: 1 },
    { gridID: "grid_JY-01-01", code: "JY-01-01", name: "七贤社区网格", tier: 2 },
  ],
  dedicated: [],
};

function api(options: { me?: Me; create?: (request: FakeRequest) => unknown } = {}) {
  let photo = 0;
  return jianyangApi(options.me ?? residentMe, ticketConfig, {
    "GET /config/categories": () => ({ items: categories }),
    "GET /config/departments": () => ({ items: departments }),
    "GET /grids/locate": (request) =>
      Number(request.search.get("lon")) > 119
        ? problem(404, { code: "grid.outside_district", detail: "The point is outside every grid of this district." })
        : inside,
    "POST /tickets/photos": (request) => {
      photo++;
      return reply(201, {
        photoKey: `uploads/pending/jianyang/photos/photo_${photo}`,
        url: `http://s3.test/upload/${photo}?signature=x`,
        method: "PUT",
        headers: { "content-type": (request.body as { contentType: string }).contentType },
        maxBytes: 10 * 1024 * 1024,
        expiresAt: new Date(Date.now() + 900_000).toISOString(),
      });
    },
    "POST /tickets": options.create ?? (() => reply(201, { ticket: created.ticket, created: true })),
    [`GET /tickets/${created.ticket.ticketID}`]: () => created,
    [`GET /grids/${created.ticket.gridID}`]: () => ({ grid: { ...inside.grid }, ancestors: inside.ancestors }),
  });
}

async function openForm() {
  signedIn();
  const app = renderApp("/d/jianyang/tickets/new");
  // The first visit loads the lazy page (and transforms it under test): allow for it.
  await screen.findByRole("option", { name: "垃圾堆放" }, { timeout: 5000 });
  return app;
}

describe("the report form", () => {
  it("says what is missing and sends nothing until the report is complete", async () => {
    const user = userEvent.setup();
    const { requests } = api();
    await openForm();
    await user.click(screen.getByTestId("ticket-submit"));

    expect(await screen.findByTestId("report-error")).toHaveTextContent("请修正标出的内容后再提交");
    expect(screen.getByText("请先选择问题类别")).toBeInTheDocument();
    expect(screen.getByText("请用至少两个字描述问题")).toBeInTheDocument();
    expect(screen.getByText("请在地图上点选问题位置，或使用当前位置")).toBeInTheDocument();
    expect(screen.getByTestId("ticket-category")).toHaveAttribute("aria-invalid", "true");
    expect(requests.some((request) => request.method === "POST" && request.path === "/tickets")).toBe(false);

    // The complaints follow a switch of language.
    await user.click(screen.getByTestId("lang-switch"));
    expect(screen.getByText("Pick the category of the problem first")).toBeInTheDocument();
    expect(screen.getByTestId("report-error")).toHaveTextContent("Please correct the marked fields and send again.");
    await user.click(screen.getByTestId("lang-switch"));

    // Fixing a field clears its complaint.
    await user.selectOptions(screen.getByTestId("ticket-category"), "garbage");
    expect(screen.queryByText("请先选择问题类别")).not.toBeInTheDocument();
    expect(screen.getByText("通常由区城管局处置，时限 8 个工作小时")).toBeInTheDocument();
  });

  it("uploads each photo with its declared type, then sends the report once with an Idempotency-Key and the photo keys", async () => {
    const user = userEvent.setup();
    const uploads = fakeUploads();
    vi.stubGlobal("XMLHttpRequest", uploads.FakeXHR);
    const { requests } = api();
    const app = await openForm();

    await user.selectOptions(screen.getByTestId("ticket-category"), "garbage");
    await user.type(screen.getByTestId("ticket-description"), "东门外垃圾堆放两天无人清运");
    await user.upload(screen.getByTestId("ticket-photos"), [pngFile("a.png"), pngFile("b.png")]);
    await waitFor(() => expect(screen.getAllByTestId("photo-tile").map((tile) => tile.dataset.state)).toEqual(["done", "done"]));
    expect(uploads.sent).toHaveLength(2);
    expect(uploads.sent[0]).toMatchObject({
      method: "PUT",
      url: "http://s3.test/upload/1?signature=x",
      headers: { "content-type": "image/png" },
    });
    expect(uploads.sent[0].headers.authorization).toBeUndefined();

    await user.click(screen.getByTestId("ticket-map"));
    expect(await screen.findByText("位于 JY-01-01-01 七贤社区第1网格")).toBeInTheDocument();
    await user.type(screen.getByTestId("ticket-address"), "七贤社区东门");
    await user.click(screen.getByTestId("ticket-submit"));

    await waitFor(() => expect(app.location()).toBe(`/d/jianyang/tickets/${created.ticket.ticketID}`));
    const posts = requests.filter((request) => request.method === "POST" && request.path === "/tickets");
    expect(posts).toHaveLength(1);
    expect(posts[0].headers.get("idempotency-key")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(posts[0].body).toEqual({
      categoryKey: "garbage",
      description: "东门外垃圾堆放两天无人清运",
      lon: 118.12,
      lat: 27.33,
      address: "七贤社区东门",
      photoKeys: ["uploads/pending/jianyang/photos/photo_1", "uploads/pending/jianyang/photos/photo_2"],
    });
    expect(await screen.findByTestId("ticket-notice")).toHaveTextContent("已提交");
  });

  it("sends a retry after a lost answer with the same Idempotency-Key", async () => {
    const user = userEvent.setup();
    // The API answers a replay of the same key with the first ticket.
    const { requests } = api({ create: () => reply(200, { ticket: created.ticket, created: false }) });
    // The first answer never arrives: fetch itself fails.
    let lost = false;
    const stubbed = globalThis.fetch;
    vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith("/tickets") && init?.method === "POST" && !lost) {
        lost = true;
        requests.push({
          method: "POST",
          path: "/tickets",
          search: new URLSearchParams(),
          body: JSON.parse(String(init.body)),
          token: null,
          headers: new Headers(init.headers),
        });
        throw new TypeError("Failed to fetch");
      }
      return stubbed(input, init);
    });
    const app = await openForm();
    await user.selectOptions(screen.getByTestId("ticket-category"), "garbage");
    await user.type(screen.getByTestId("ticket-description"), "垃圾堆放");
    await user.click(screen.getByTestId("ticket-map"));
    await screen.findByText("位于 JY-01-01-01 七贤社区第1网格");
    await user.click(screen.getByTestId("ticket-submit"));
    expect(await screen.findByTestId("report-error")).toHaveTextContent("不会重复上报");
    await user.click(screen.getByTestId("ticket-submit"));
    await waitFor(() => expect(app.location()).toBe(`/d/jianyang/tickets/${created.ticket.ticketID}`));
    const keys = requests
      .filter((request) => request.method === "POST" && request.path === "/tickets")
      .map((request) => request.headers.get("idempotency-key"));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it("sends a changed report under a new key (the API refuses a key used for another report)", async () => {
    const user = userEvent.setup();
    const { requests } = api({ create: () => problem(503, { code: "storage.unavailable", detail: "down" }) });
    await openForm();
    await user.selectOptions(screen.getByTestId("ticket-category"), "garbage");
    await user.type(screen.getByTestId("ticket-description"), "垃圾堆放");
    await user.click(screen.getByTestId("ticket-map"));
    await screen.findByText("位于 JY-01-01-01 七贤社区第1网格");
    await user.click(screen.getByTestId("ticket-submit"));
    await screen.findByTestId("report-error");
    await user.type(screen.getByTestId("ticket-description"), "，已三天");
    await user.click(screen.getByTestId("ticket-submit"));
    await waitFor(() => expect(requests.filter((request) => request.method === "POST" && request.path === "/tickets")).toHaveLength(2));
    const [first, second] = requests
      .filter((request) => request.method === "POST" && request.path === "/tickets")
      .map((request) => request.headers.get("idempotency-key"));
    expect(second).not.toBe(first);
  });

  it("shows the API's outside-the-district refusal at the map", async () => {
    const user = userEvent.setup();
    api({
      create: () =>
        problem(400, {
          code: "ticket.outside_district",
          detail: "The location is outside this district's grids: pick a place inside the district.",
          errors: [{ path: "lon", message: "outside the district" }],
        }),
    });
    const app = await openForm();
    await user.selectOptions(screen.getByTestId("ticket-category"), "road_damage");
    await user.type(screen.getByTestId("ticket-description"), "路面塌陷");
    await user.click(screen.getByTestId("ticket-map"));
    await screen.findByText("位于 JY-01-01-01 七贤社区第1网格");
    await user.click(screen.getByTestId("ticket-submit"));

    const status = screen.getByTestId("ticket-location");
    expect(await within(status).findByText("这个位置不在本区范围内，请在本区内重新选点。")).toBeInTheDocument();
    expect(screen.getByTestId("report-error")).toHaveTextContent("请修正标出的内容后再提交");
    expect(app.location()).toBe("/d/jianyang/tickets/new");
  });

  it("tells before submitting that a point is outside the district, and does not send it", async () => {
    const user = userEvent.setup();
    pin.lon = 120.5;
    try {
      const { requests } = api();
      await openForm();
      await user.click(screen.getByTestId("ticket-map"));
      await waitFor(() => expect(screen.getByTestId("ticket-location")).toHaveAttribute("data-state", "outside"));
      expect(screen.getByTestId("ticket-location")).toHaveTextContent("这个位置不在本区范围内");
      await user.selectOptions(screen.getByTestId("ticket-category"), "garbage");
      await user.type(screen.getByTestId("ticket-description"), "垃圾");
      await user.click(screen.getByTestId("ticket-submit"));
      expect(await screen.findByTestId("report-error")).toBeInTheDocument();
      expect(requests.some((request) => request.method === "POST" && request.path === "/tickets")).toBe(false);
    } finally {
      pin.lon = 118.12;
    }
  });

  it("marks a photo the API refused, by its index", async () => {
    const user = userEvent.setup();
    vi.stubGlobal("XMLHttpRequest", fakeUploads().FakeXHR);
    api({
      create: () =>
        problem(400, {
          code: "photo.not_an_image",
          detail: "The file is not a JPEG, PNG, WebP or HEIC image (its first bytes say otherwise). It was deleted.",
          errors: [{ path: "photoKeys.1", message: "not an image" }],
        }),
    });
    await openForm();
    await user.selectOptions(screen.getByTestId("ticket-category"), "garbage");
    await user.type(screen.getByTestId("ticket-description"), "垃圾");
    await user.upload(screen.getByTestId("ticket-photos"), [pngFile("a.png"), pngFile("b.png")]);
    await user.click(screen.getByTestId("ticket-map"));
    await screen.findByText("位于 JY-01-01-01 七贤社区第1网格");
    await user.click(screen.getByTestId("ticket-submit"));
    await waitFor(() => expect(screen.getAllByTestId("photo-tile").map((tile) => tile.dataset.state)).toEqual(["done", "failed"]));
    expect(screen.getAllByTestId("photo-tile")[1]).toHaveTextContent("文件不是图片");
    expect(screen.getByText("有照片未通过检查，已被删除：请移除后重新选择")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "移除照片 2" }));
    expect(screen.getAllByTestId("photo-tile")).toHaveLength(1);
  });

  it("is not offered to department staff", async () => {
    api({ me: staffMe });
    signedIn();
    renderApp("/d/jianyang/tickets/new");
    expect(await screen.findByText("您的账号不能上报")).toBeInTheDocument();
    expect(screen.queryByTestId("ticket-submit")).not.toBeInTheDocument();
  });
});
