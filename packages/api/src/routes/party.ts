import { createRoute, z } from "@hono/zod-openapi";
import { Party } from "@wangge/core";
import { body, bearer, json, PageQuery, pageOf, pathParam, problems, router } from "../openapi.ts";

const Org = Party.PartyOrg.meta({ id: "PartyOrg" });
const Record = Party.PartyRecord.meta({ id: "PartyRecord" });

/** The party organisation chain (党组织体系) and what is recorded against it. */
export const partyRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/orgs",
      operationId: "listPartyOrgs",
      tags: ["party"],
      summary: "Links of the party chain under a parent (`root`: the community committees)",
      security: bearer,
      request: { query: PageQuery.extend({ parentOrgID: z.string().optional() }) },
      responses: { 200: json(pageOf(Org), "One page of organisations"), ...problems(400, 401) },
    }),
    async (c) => c.json(await Party.listOrgs(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/orgs",
      operationId: "createPartyOrg",
      tags: ["party"],
      summary: "Add a link to the chain, serving grids",
      security: bearer,
      request: body(Party.CreateOrgInput),
      responses: { 201: json(Org, "Created"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Party.createOrg(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/orgs/{orgID}",
      operationId: "getPartyOrg",
      tags: ["party"],
      summary: "A link with the chain above it and the links under it",
      security: bearer,
      request: { params: z.object({ orgID: pathParam("orgID", "org_01jd…") }) },
      responses: {
        200: json(z.object({ org: Org, chain: z.array(Org), children: z.array(Org) }), "The organisation"),
        ...problems(401, 404),
      },
    }),
    async (c) => c.json(await Party.getOrg(c.req.valid("param").orgID), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/records",
      operationId: "listPartyRecords",
      tags: ["party"],
      summary: "Joint party-building meetings and co-building projects, by organisation or by kind",
      security: bearer,
      request: { query: PageQuery.extend({ orgID: z.string().optional(), kind: Party.RecordKind.optional() }) },
      responses: { 200: json(pageOf(Record), "One page of records"), ...problems(400, 401) },
    }),
    async (c) => c.json(await Party.listRecords(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/records",
      operationId: "createPartyRecord",
      tags: ["party"],
      summary: "Record a joint meeting (党建联席会) or a co-building project claimed by units (共建项目)",
      security: bearer,
      request: body(Party.CreateRecordInput),
      responses: { 201: json(Record, "Recorded"), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await Party.createRecord(c.req.valid("json")), 201),
  );
