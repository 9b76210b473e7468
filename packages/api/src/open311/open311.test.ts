import { Config, Grid, Ticket, withActor } from "@wangge/core";
import * as Open311 from "@wangge/core/open311/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, startTestApi } from "../../../../scripts/test/api.ts";
import { localAuth } from "../app.ts";
import { createVerifier } from "../auth.ts";
import { authenticate } from "../middleware.ts";
import { router } from "../openapi.ts";
import { onError } from "../problem.ts";
import { escapeXml } from "./format.ts";
import { open311Routes } from "./index.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
let app: ReturnType<typeof router>;
/** Jianyang's key, issued through the admin route. */
let key: { keyID: string; key: string };
/** A request reported in Yanping, the other district. */
let yanpingRequestID: string;

const rect = (lon0: number, lat0: number, lon1: number, lat1: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [lon0, lat0],
      [lon1, lat0],
      [lon1, lat1],
      [lon0, lat1],
      [lon0, lat0],
    ],
  ],
});
const inside = { lat: "27.33", long: "118.12" };

/** A request to the router as the app would mount it; the body form-encoded unless JSON is asked for. */
async function call(method: string, path: string, init: { form?: Record<string, string>; json?: unknown; bearer?: string } = {}) {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (init.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(init.form).toString();
  }
  if (init.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.json);
  }
  if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
  const response = await app.request(`/open311/v2${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: any = text;
  if ((response.headers.get("content-type") ?? "").includes("json")) parsed = JSON.parse(text);
  return { status: response.status, type: response.headers.get("content-type") ?? "", body: parsed, text };
}

/** The text of every `<name>` element of an XML document, in order. */
const elements = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, "g"))].map((match) => match[1]);

const report = (fields: Record<string, string>) =>
  call("POST", "/requests.json", {
    form: { jurisdiction_id: "jianyang", api_key: key.key, service_code: "garbage", ...inside, ...fields },
  });

beforeAll(async () => {
  api = await startTestApi();
  app = router();
  app.onError(onError);
  app.route(
    "/open311/v2",
    open311Routes({ signedIn: authenticate(createVerifier(localAuth(api.url))), contact: "建阳区网格化服务管理中心" }),
  );

  await withActor({ type: "system", tenantID: "jianyang" }, () =>
    Grid.create({ code: "O311", name: "开放网格", tier: 1, boundary: rect(118.1, 27.31, 118.14, 27.35) }),
  );
  await withActor({ type: "system", tenantID: "yanping" }, async () => {
    await Grid.create({ code: "YP-O311", name: "延平开放网格", tier: 1, boundary: rect(118.15, 26.62, 118.19, 26.66) });
    const yanpingKey = await Open311.createApiKey({ label: "延平 app" });
    const created = await withActor(Open311.reporter(yanpingKey), () =>
      Open311.submit({ service_code: "environment", lat: "26.64", long: "118.17", description: "延平的垃圾" }),
    );
    yanpingRequestID = created.service_request_id;
  });
  const issued = await call("POST", "/keys", { json: { label: "建阳市民通 app" }, bearer: await api.token(As.jianyangAdmin) });
  expect(issued.status, issued.text).toBe(201);
  key = issued.body;
});
afterAll(() => api?.close());

describe("Open311 GeoReport v2", () => {
  it("describes itself in the discovery document, in XML by default and in JSON", async () => {
    const xml = await call("GET", "/discovery.xml");
    expect(xml.status).toBe(200);
    expect(xml.type).toBe("text/xml; charset=utf-8");
    expect(xml.text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<discovery>')).toBe(true);
    expect(elements(xml.text, "specification")).toEqual(["http://wiki.open311.org/GeoReport_v2"]);
    expect(elements(xml.text, "format")).toEqual(["text/xml", "application/json"]);
    expect(elements(xml.text, "url")).toEqual(["http://localhost/open311/v2"]);
    expect((await call("GET", "/discovery")).text).toBe(xml.text);

    const json = await call("GET", "/discovery.json");
    expect(json.type).toMatch(/^application\/json/);
    expect(json.body).toMatchObject({
      contact: "建阳区网格化服务管理中心",
      endpoints: [{ specification: "http://wiki.open311.org/GeoReport_v2", url: "http://localhost/open311/v2", type: "production" }],
    });
    expect(json.body.key_service).toContain("/open311/v2/keys");
  });

  it("lists the district's ticket categories as services, in both formats", async () => {
    const json = await call("GET", "/services.json?jurisdiction_id=jianyang");
    expect(json.status).toBe(200);
    expect(json.body).toHaveLength(12);
    expect(json.body.find((service: { service_code: string }) => service.service_code === "garbage")).toEqual({
      service_code: "garbage",
      service_name: "垃圾堆放",
      description: "Garbage dumping",
      metadata: false,
      type: "realtime",
      keywords: "垃圾堆放,Garbage dumping,garbage",
      group: "区城管局",
    });
    expect(json.body.find((service: { service_code: string }) => service.service_code === "other").group).toBe("属地网格");

    const xml = await call("GET", "/services.xml?jurisdiction_id=jianyang");
    expect(xml.type).toBe("text/xml; charset=utf-8");
    expect(xml.text.match(/<service>/g)).toHaveLength(12);
    expect(elements(xml.text, "service_code")).toContain("garbage");
    expect(xml.text).toContain("<service><service_code>street_vending</service_code><service_name>占道经营</service_name>");
    expect(xml.text).toContain("<metadata>false</metadata><type>realtime</type>");

    const yanping = await call("GET", "/services.json?jurisdiction_id=yanping");
    expect(yanping.body.map((service: { service_code: string }) => service.service_code)).toEqual(["environment", "other"]);
  });

  it("defines a service with no attributes, and knows no other", async () => {
    const json = await call("GET", "/services/garbage.json?jurisdiction_id=jianyang");
    expect(json.body).toEqual({ service_code: "garbage", attributes: [] });
    const xml = await call("GET", "/services/garbage.xml?jurisdiction_id=jianyang");
    expect(xml.text).toContain("<service_definition><service_code>garbage</service_code><attributes></attributes></service_definition>");
    const unknown = await call("GET", "/services/potholes.json?jurisdiction_id=jianyang");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ code: 404, description: expect.stringContaining("potholes") }]);
  });

  it("answers an unknown or missing jurisdiction with an error document", async () => {
    const unknown = await call("GET", "/services.json?jurisdiction_id=atlantis");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ code: 404, description: 'There is no jurisdiction "atlantis" here.' }]);
    const malformed = await call("GET", "/requests.xml?jurisdiction_id=..%2Fjianyang");
    expect(malformed.status).toBe(404);
    expect(malformed.text).toContain("<errors><error><code>404</code><description>");
    const missing = await call("GET", "/services.json");
    expect(missing.status).toBe(400);
    expect(missing.body[0].description).toContain("jurisdiction_id is required");
    const post = await call("POST", "/requests.json", {
      form: { jurisdiction_id: "atlantis", api_key: key.key, service_code: "garbage", ...inside },
    });
    expect(post.status).toBe(404);
    const route = await call("GET", "/nothing-here.xml");
    expect(route.status).toBe(404);
    expect(route.type).toBe("text/xml; charset=utf-8");
  });

  it("turns a report with a valid key into a real ticket, listed in both formats and by id, without the reporter's details", async () => {
    const created = await report({
      description: "小区门口垃圾堆了三天",
      address_string: "建阳区潭城街道七贤社区",
      email: "zhang@example.com",
      first_name: "秀英",
      phone: "13912345678",
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual([
      {
        service_request_id: expect.stringMatching(/^ticket_/),
        service_notice: expect.stringContaining("8"),
        account_id: `open311:${key.keyID}`,
      },
    ]);
    const id = created.body[0].service_request_id;

    const { ticket } = await withActor({ type: "system", tenantID: "jianyang" }, () => Ticket.get(id));
    expect(ticket).toMatchObject({
      state: "collected",
      categoryKey: "garbage",
      description: "小区门口垃圾堆了三天",
      lon: 118.12,
      lat: 27.33,
      address: "建阳区潭城街道七贤社区",
      reporterID: `open311:${key.keyID}`,
    });
    expect(ticket.gridPath).toHaveLength(1);

    const listed = await call("GET", "/requests.json?jurisdiction_id=jianyang");
    expect(listed.status).toBe(200);
    const entry = listed.body.find((request: { service_request_id: string }) => request.service_request_id === id);
    expect(entry).toEqual({
      service_request_id: id,
      status: "open",
      status_notes: expect.stringContaining("received"),
      service_name: "垃圾堆放",
      service_code: "garbage",
      description: "小区门口垃圾堆了三天",
      agency_responsible: "区城管局",
      service_notice: null,
      requested_datetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
      updated_datetime: expect.stringMatching(/\+08:00$/),
      expected_datetime: null,
      address: "建阳区潭城街道七贤社区",
      lat: 27.33,
      long: 118.12,
    });
    for (const secret of ["13912345678", "zhang@example.com", "秀英", "open311:", "reporter"]) expect(listed.text).not.toContain(secret);

    const xml = await call("GET", "/requests.xml?jurisdiction_id=jianyang");
    expect(xml.text).toContain(`<request><service_request_id>${id}</service_request_id><status>open</status>`);
    expect(xml.text).toContain("<service_notice/>");
    expect(xml.text).not.toContain("media_url");

    const one = await call("GET", `/requests/${id}.json?jurisdiction_id=jianyang`);
    expect(one.body).toEqual([entry]);
    const oneXml = await call("GET", `/requests/${id}?jurisdiction_id=jianyang`);
    expect(oneXml.text.match(/<request>/g)).toHaveLength(1);
    expect(elements(oneXml.text, "lat")).toEqual(["27.33"]);

    const createdXml = await call("POST", "/requests.xml", {
      form: { jurisdiction_id: "jianyang", api_key: key.key, service_code: "noise", ...inside },
    });
    expect(createdXml.status).toBe(201);
    expect(createdXml.text).toMatch(
      /^<\?xml[^>]*>\n<service_requests><request><service_request_id>ticket_\w+<\/service_request_id><service_notice>/,
    );
    const [noiseID] = elements(createdXml.text, "service_request_id");
    const noise = await call("GET", `/requests/${noiseID}.json?jurisdiction_id=jianyang`);
    expect(noise.body[0]).toMatchObject({ description: "噪音扰民 (Noise)", agency_responsible: "生态环境分局", address: null });
  });

  it("runs as the jurisdiction's public actor: a report is the key's, and the public actor holds no staff power", async () => {
    const created = await report({ description: "路灯坏了两盏" });
    expect(created.status).toBe(201);
    const id = created.body[0].service_request_id;
    const { timeline } = await withActor({ type: "system", tenantID: "jianyang" }, () => Ticket.get(id));
    expect(timeline).toEqual([expect.objectContaining({ action: "collect", actorID: `open311:${key.keyID}`, actorRole: "resident" })]);

    const jianyangPublic = { type: "public", tenantID: "jianyang" } as const;
    expect(await withActor(jianyangPublic, () => Open311.request(id))).toMatchObject({ service_request_id: id });
    await expect(withActor(jianyangPublic, () => Ticket.get(id))).rejects.toMatchObject({ code: "ticket.not_found" });
    await expect(withActor(jianyangPublic, () => Ticket.accept({ ticketID: id }))).rejects.toMatchObject({ code: "auth.required" });
    await expect(withActor(jianyangPublic, () => Ticket.list({}))).rejects.toMatchObject({ code: "ticket.own_only" });
    const posing = { categoryKey: "garbage", description: "冒充", lon: 118.12, lat: 27.33 };
    await expect(withActor(jianyangPublic, () => Ticket.create(posing))).rejects.toMatchObject({ code: "auth.required" });
    const keyless = { service_code: "garbage", ...inside };
    await expect(withActor(jianyangPublic, () => Open311.submit(keyless))).rejects.toMatchObject({ code: "open311.reporter" });
    await expect(withActor(jianyangPublic, () => Open311.createApiKey({ label: "x" }))).rejects.toMatchObject({ code: "auth.required" });
  });

  it("refuses a report without a key, with a wrong key, or with a revoked key (403)", async () => {
    const missing = await call("POST", "/requests.xml", { form: { jurisdiction_id: "jianyang", service_code: "garbage", ...inside } });
    expect(missing.status).toBe(403);
    expect(missing.text).toMatch(
      /<errors><error><code>403<\/code><description>api_key is required[^<]*<\/description><\/error><\/errors>$/,
    );
    const wrong = await report({ api_key: "wg311_not-a-key" });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual([{ code: 403, description: "The api_key is not valid in this jurisdiction." }]);
    const yanpingKeyHere = await call("POST", "/requests.json", {
      form: { jurisdiction_id: "yanping", api_key: key.key, service_code: "environment", lat: "26.64", long: "118.17" },
    });
    expect(yanpingKeyHere.status).toBe(403);

    const admin = await api.token(As.jianyangAdmin);
    const spare = await call("POST", "/keys", { json: { label: "临时" }, bearer: admin });
    expect((await report({ api_key: spare.body.key })).status).toBe(201);
    const listed = await call("GET", "/keys", { bearer: admin });
    expect(listed.body.items.map((item: { label: string }) => item.label).sort()).toEqual(["临时", "建阳市民通 app"]);
    expect(listed.text).not.toContain(spare.body.key);
    expect((await call("DELETE", `/keys/${spare.body.keyID}`, { bearer: admin })).status).toBe(200);
    expect((await report({ api_key: spare.body.key })).status).toBe(403);
  });

  it("lets only district admins manage keys, within their own district", async () => {
    const anonymous = await call("POST", "/keys", { json: { label: "x" } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.type).toBe("application/problem+json; charset=utf-8");
    const byResident = await call("POST", "/keys", { json: { label: "x" }, bearer: await api.token(As.jianyangResident) });
    expect(byResident.status).toBe(403);
    expect(byResident.body.code).toBe("access.role");
    const noLabel = await call("POST", "/keys", { json: {}, bearer: await api.token(As.jianyangAdmin) });
    expect(noLabel.status).toBe(400);
    const yanpingAdmin = await api.token(As.yanpingAdmin);
    expect((await call("DELETE", `/keys/${key.keyID}`, { bearer: yanpingAdmin })).status).toBe(404);
    expect((await call("GET", "/keys", { bearer: yanpingAdmin })).body.items.map((item: { label: string }) => item.label)).toEqual([
      "延平 app",
    ]);
    expect((await report({})).status).toBe(201);
  });

  it("refuses an unknown service, a point outside the district and a report without coordinates (400)", async () => {
    const unknown = await report({ service_code: "potholes" });
    expect(unknown.status).toBe(400);
    expect(unknown.body[0]).toMatchObject({ code: 400, description: expect.stringContaining('no service "potholes"') });
    const outside = await report({ lat: "26.64", long: "118.17" });
    expect(outside.status).toBe(400);
    expect(outside.body[0].description).toContain("outside this district");
    const noPoint = await report({ lat: "", long: "", address_string: "七贤社区" });
    expect(noPoint.status).toBe(400);
    expect(noPoint.body[0].description).toContain("lat is required");
    const nonsense = await report({ lat: "north" });
    expect(nonsense.status).toBe(400);
    const xml = await call("POST", "/requests.xml", {
      form: { jurisdiction_id: "jianyang", api_key: key.key, service_code: "garbage", lat: "91", long: "118.12" },
    });
    expect(xml.status).toBe(400);
    expect(xml.text).toContain("<code>400</code>");
  });

  it("does not show another district's request under this jurisdiction", async () => {
    const foreign = await call("GET", `/requests/${yanpingRequestID}.json?jurisdiction_id=jianyang`);
    expect(foreign.status).toBe(404);
    const listed = await call("GET", `/requests.json?jurisdiction_id=jianyang&service_request_id=${yanpingRequestID}`);
    expect(listed.body).toEqual([]);
    const all = await call("GET", "/requests.json?jurisdiction_id=jianyang");
    expect(all.text).not.toContain(yanpingRequestID);
    const home = await call("GET", `/requests/${yanpingRequestID}.json?jurisdiction_id=yanping`);
    expect(home.body[0]).toMatchObject({ service_code: "environment", description: "延平的垃圾", agency_responsible: "城管局" });
  });

  it("filters by status, service and date, and takes explicit ids", async () => {
    const open = (await report({ service_code: "street_light", description: "路灯不亮" })).body[0].service_request_id;
    const closed = (await report({ service_code: "street_light", description: "路灯又不亮" })).body[0].service_request_id;
    await withActor({ type: "system", tenantID: "jianyang" }, () => Ticket.reject({ ticketID: closed, note: "重复上报" }));

    const ids = (body: { service_request_id: string }[]) => body.map((request) => request.service_request_id);
    const lights = await call("GET", "/requests.json?jurisdiction_id=jianyang&service_code=street_light");
    expect(ids(lights.body)).toEqual([closed, open]);
    const onlyClosed = await call("GET", "/requests.json?jurisdiction_id=jianyang&status=closed");
    expect(ids(onlyClosed.body)).toEqual([closed]);
    expect(onlyClosed.body[0]).toMatchObject({ status: "closed", status_notes: "不予立案 (not accepted)" });
    const onlyOpen = await call("GET", "/requests.json?jurisdiction_id=jianyang&status=open&service_code=street_light,garbage");
    expect(ids(onlyOpen.body)).toContain(open);
    expect(ids(onlyOpen.body)).not.toContain(closed);
    expect(
      onlyOpen.body.every(
        (request: { status: string; service_code: string }) =>
          request.status === "open" && ["street_light", "garbage"].includes(request.service_code),
      ),
    ).toBe(true);
    const both = await call("GET", "/requests.xml?jurisdiction_id=jianyang&status=open,closed&service_code=street_light");
    expect(elements(both.text, "status")).toEqual(["closed", "open"]);

    const explicit = await call(
      "GET",
      `/requests.json?jurisdiction_id=jianyang&service_request_id=${open},${closed},ticket_nope&status=closed`,
    );
    expect(ids(explicit.body)).toEqual([open, closed]);

    const tomorrow = new Date(Date.now() + 86400_000).toISOString();
    const future = await call(
      "GET",
      `/requests.json?jurisdiction_id=jianyang&start_date=${encodeURIComponent(tomorrow)}&end_date=${encodeURIComponent(new Date(Date.now() + 2 * 86400_000).toISOString())}`,
    );
    expect(future.body).toEqual([]);
    const today = await call(
      "GET",
      `/requests.json?jurisdiction_id=jianyang&service_code=street_light&start_date=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}`,
    );
    expect(ids(today.body)).toEqual([closed, open]);
    const tooLong = await call(
      "GET",
      "/requests.json?jurisdiction_id=jianyang&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body[0].description).toContain("90 days");
    const badStatus = await call("GET", "/requests.json?jurisdiction_id=jianyang&status=pending");
    expect(badStatus.status).toBe(400);
    const badDate = await call("GET", "/requests.json?jurisdiction_id=jianyang&start_date=yesterday");
    expect(badDate.status).toBe(400);
  });

  it("parses dates as dates and bounds its lists: the far past, the far future and 140 service codes are a 400, never a 5xx", async () => {
    const refused = async (query: string, says: string) => {
      const response = await call("GET", `/requests.json?jurisdiction_id=jianyang&${query}`);
      expect([response.status, response.body[0].code]).toEqual([400, 400]);
      expect(response.body[0].description).toContain(says);
    };
    // The earliest date JavaScript can hold (90 days before it is no date at all) and the latest, which compared as text passed every check.
    await refused(`end_date=${encodeURIComponent("-271821-04-20T00:00:00Z")}`, "between the years 2000 and 2099");
    await refused(`start_date=${encodeURIComponent("+275760-09-13T00:00:00Z")}`, "between the years 2000 and 2099");
    await refused(
      `start_date=${encodeURIComponent("+275760-01-01T00:00:00Z")}&end_date=${encodeURIComponent("+275760-02-01T00:00:00Z")}`,
      "between the years 2000 and 2099",
    );
    const codes = Array.from({ length: 140 }, (_, index) => `code_${index}`).join(",");
    await refused(`service_code=${codes}`, "at most 50 service codes");
    // Fifty codes the district does not have match nothing (the filter holds only its own categories).
    const unknown = await call(
      "GET",
      `/requests.json?jurisdiction_id=jianyang&service_code=${Array.from({ length: 50 }, (_, index) => `code_${index}`).join(",")}`,
    );
    expect([unknown.status, unknown.body]).toEqual([200, []]);
  });

  it("resolves a token given with a report, and a retry with it returns the same request", async () => {
    const first = await report({ token: "retry-0001-abcd", description: "井盖丢失" });
    const retry = await report({ token: "retry-0001-abcd", description: "井盖丢失" });
    expect(retry.body[0].service_request_id).toBe(first.body[0].service_request_id);
    const json = await call("GET", "/tokens/retry-0001-abcd.json?jurisdiction_id=jianyang");
    expect(json.body).toEqual([{ service_request_id: first.body[0].service_request_id, token: "retry-0001-abcd" }]);
    const xml = await call("GET", "/tokens/retry-0001-abcd.xml?jurisdiction_id=jianyang");
    expect(xml.text).toContain(
      `<service_requests><request><service_request_id>${first.body[0].service_request_id}</service_request_id><token>retry-0001-abcd</token></request></service_requests>`,
    );
    expect((await call("GET", "/tokens/retry-0001-abcd.json?jurisdiction_id=yanping")).status).toBe(404);
    expect((await call("GET", "/tokens/never-given-1.json?jurisdiction_id=jianyang")).status).toBe(404);

    const other = await call("POST", "/keys", { json: { label: "另一个 app" }, bearer: await api.token(As.jianyangAdmin) });
    const clash = await report({ api_key: other.body.key, token: "retry-0001-abcd" });
    expect(clash.status).toBe(400);
    expect(clash.body[0].description).toContain("token is already in use");
    expect((await report({ token: "short" })).status).toBe(400);

    // An app's own Idempotency-Key that looks like the token's storage is the app user's own key: the token stays the report's.
    for (const hijack of ["open311:retry-0001-abcd", "token:retry-0001-abcd"]) {
      const appTicket = await api.call("POST", "/tickets", {
        as: As.jianyangResident,
        headers: { "idempotency-key": hijack },
        body: { categoryKey: "garbage", description: "冒用令牌", lon: 118.12, lat: 27.33 },
      });
      expect(appTicket.status, JSON.stringify(appTicket.body)).toBe(201);
      expect(appTicket.body.ticket.ticketID).not.toBe(first.body[0].service_request_id);
    }
    expect((await call("GET", "/tokens/retry-0001-abcd.json?jurisdiction_id=jianyang")).body).toEqual([
      { service_request_id: first.body[0].service_request_id, token: "retry-0001-abcd" },
    ]);
  });

  it("publishes the public view: private categories left out, phone and ID numbers hidden, places rounded; the reporting key sees its own whole", async () => {
    await withActor({ type: "system", tenantID: "jianyang" }, () =>
      Config.change((config) => ({
        tickets: {
          ...config.tickets,
          categories: [
            ...config.tickets.categories,
            { key: "hardship_help", nameZh: "困难帮扶", nameEn: "Help in hardship", departmentKey: null, deadlineHours: 48 },
          ],
        },
      })),
    );
    const said = "我家老人行动不便，电话13912345678，身份证350702195001011234，请联系";
    const open = (await report({ description: said, lat: "27.331234", long: "118.121987" })).body[0].service_request_id;
    const hardship = (await report({ service_code: "hardship_help", description: "低保申请遇到困难" })).body[0].service_request_id;

    const seen = await call("GET", `/requests.json?jurisdiction_id=jianyang&service_request_id=${open},${hardship}`);
    expect(seen.body).toHaveLength(1);
    expect(seen.body[0]).toMatchObject({
      service_request_id: open,
      description: "我家老人行动不便，电话***********，身份证******************，请联系",
      lat: 27.331,
      long: 118.122,
    });
    const listed = await call("GET", "/requests.json?jurisdiction_id=jianyang&status=open");
    expect(listed.body.map((request: { service_request_id: string }) => request.service_request_id)).not.toContain(hardship);
    expect((await call("GET", `/requests/${hardship}.json?jurisdiction_id=jianyang`)).status).toBe(404);

    // The key that reported them reads them back as they were (FixMyStreet reads back by id).
    const own = await call("GET", `/requests.json?jurisdiction_id=jianyang&api_key=${key.key}&service_request_id=${open},${hardship}`);
    expect(own.body.map((request: { description: string; lat: number }) => [request.description, request.lat])).toEqual([
      [said, 27.331234],
      ["低保申请遇到困难", 27.33],
    ]);
    expect((await call("GET", `/requests/${hardship}.json?jurisdiction_id=jianyang&api_key=${key.key}`)).status).toBe(200);
    expect((await call("GET", `/requests.json?jurisdiction_id=jianyang&api_key=not-a-key`)).status).toBe(403);
  });

  it("escapes text in XML", async () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0001`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
    const created = await report({ description: "<script>alert('x')</script> & 垃圾" });
    const xml = await call("GET", `/requests/${created.body[0].service_request_id}.xml?jurisdiction_id=jianyang`);
    expect(elements(xml.text, "description")).toEqual(["&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; 垃圾"]);
  });
});
