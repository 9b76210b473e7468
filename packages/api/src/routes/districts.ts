import { createRoute, z } from "@hono/zod-openapi";
import { Config, assertOperator, District, NotFoundError, User, Onboarding } from "@wangge/core";
import type { MiddlewareHandler } from "hono";
import { CodeLimits } from "@wangge/core/identity/rate-limit";
import { asPublic, limitPerAddress } from "../middleware.ts";
import { body, bearer, json, PageQuery, pageOf, problems, router } from "../openapi.ts";

const DistrictSchema = District.District.meta({ id: "District" });
const ConfigSchema = Config.DistrictConfig.meta({ id: "DistrictConfig" });
const DistrictWithConfig = z.object({ district: DistrictSchema, config: ConfigSchema }).openapi("DistrictWithConfig");
const TemplateList = z
  .object({
    items: z.array(z.object({ name: Config.TemplateName, settings: Config.DistrictSettings })),
  })
  .openapi("DistrictTemplates");
const SlugParam = z.object({
  slug: z.string().openapi({ param: { name: "slug", in: "path" }, example: "jianyang" }),
});
const PublicSlugParam = z.object({
  slug: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: "slug", in: "path" }, example: "jianyang" }),
});

/** Runs `body` as the public actor of the district in the URL; a malformed slug names no district. */
const inDistrict = <T>(slug: string, body: () => Promise<T>) =>
  asPublic(slug, () => new NotFoundError("district.not_found", `There is no district "${slug}".`), body);

const Directory = z.object({ items: z.array(District.DirectoryEntry.meta({ id: "DirectoryEntry" })) }).openapi("DistrictDirectory");

/**
 * Districts, mounted at `/districts`. Four routes are public (no token): the directory of live
 * districts' names (to pick one's own at sign-in and registration), a district's registration
 * page and residents' self-registration in two steps (code sent, code checked), the last three run
 * as the public actor of the district the URL names. The rest need `signedIn`.
 */
export function districtRoutes(signedIn: MiddlewareHandler) {
  const app = router()
    .openapi(
      createRoute({
        method: "get",
        path: "/directory",
        operationId: "getDistrictDirectory",
        tags: ["districts"],
        summary: "Every active district's Chinese and English names, city and province, to pick one from a list (public)",
        responses: { 200: json(Directory, "The live districts, by province, city and name") },
      }),
      async (c) => c.json(await District.directory({}), 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{slug}/registration",
        operationId: "getRegistration",
        tags: ["users"],
        summary: "A district's names and whether residents may register themselves, and with approval (public)",
        request: { params: PublicSlugParam },
        responses: { 200: json(User.Registration.meta({ id: "Registration" }), "The district's registration"), ...problems(404) },
      }),
      async (c) => c.json(await inDistrict(c.req.valid("param").slug, () => User.registration()), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{slug}/registrations",
        operationId: "startRegistration",
        tags: ["users"],
        summary:
          "A resident asks to register: a one-time code goes to the phone (SMS; printed in the terminal locally). The same reply whether or not the phone has an account (public)",
        middleware: [limitPerAddress(CodeLimits.sendsPerAddress)],
        request: { params: PublicSlugParam, ...body(User.startRegistration.schema.meta({ id: "StartRegistrationInput" })) },
        responses: {
          202: json(User.RegistrationStarted.meta({ id: "RegistrationStarted" }), "A code is on its way"),
          ...problems(400, 403, 404, 429),
        },
      }),
      async (c) => {
        const input = c.req.valid("json");
        return c.json(await inDistrict(c.req.valid("param").slug, () => User.startRegistration(input)), 202);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{slug}/residents",
        operationId: "registerResident",
        tags: ["users"],
        summary:
          "A resident registers with the code sent to their phone; pending until staff approve when the district asks for approval (public)",
        middleware: [limitPerAddress(CodeLimits.checksPerAddress)],
        request: { params: PublicSlugParam, ...body(User.registerResident.schema.meta({ id: "RegisterResidentInput" })) },
        responses: {
          201: json(z.object({ userID: z.string(), status: z.enum(["active", "pending"]) }).openapi("Registered"), "Registered"),
          ...problems(400, 403, 404, 409, 429),
        },
      }),
      async (c) => {
        const input = c.req.valid("json");
        return c.json(await inDistrict(c.req.valid("param").slug, () => User.registerResident(input)), 201);
      },
    );
  // Everything below needs a sign-in; the public routes above answer before it.
  app.use("*", signedIn);
  return app
    .openapi(
      createRoute({
        method: "get",
        path: "/",
        operationId: "listDistricts",
        tags: ["districts"],
        summary: "Districts the caller may see: all (operator), a province's (provincial admin), its own (district user)",
        security: bearer,
        request: { query: PageQuery },
        responses: { 200: json(pageOf(DistrictSchema), "One page of districts"), ...problems(400, 401) },
      }),
      async (c) => c.json(await District.list(c.req.valid("query")), 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/templates",
        operationId: "listTemplates",
        tags: ["districts"],
        summary: "The built-in starting configurations a new district may be onboarded from (platform operator)",
        security: bearer,
        responses: { 200: json(TemplateList, "The templates with their settings"), ...problems(401, 403) },
      }),
      async (c) => {
        assertOperator();
        const items = Config.TemplateName.options.map((name) => ({ name, settings: Config.template(name) }));
        return c.json({ items }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{slug}",
        operationId: "getDistrict",
        tags: ["districts"],
        summary: "A district with its configuration (tiers, roles, mechanisms)",
        security: bearer,
        request: { params: SlugParam },
        responses: { 200: json(DistrictWithConfig, "The district"), ...problems(400, 401, 404) },
      }),
      async (c) => c.json(await District.get(c.req.valid("param").slug), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/",
        operationId: "onboardDistrict",
        tags: ["districts"],
        summary: "Onboard a district: tenant, configuration from a template, first admin — atomically (platform operator)",
        security: bearer,
        request: body(Onboarding.OnboardInput.meta({ id: "OnboardInput" })),
        responses: {
          201: json(
            z.object({
              district: DistrictSchema,
              config: ConfigSchema,
              admin: z.object({ userID: z.string(), name: z.string(), roles: z.array(z.string()) }),
            }),
            "The district is live",
          ),
          ...problems(400, 401, 403, 409),
        },
      }),
      async (c) => c.json(await Onboarding.onboard(c.req.valid("json")), 201),
    );
}
