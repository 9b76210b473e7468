import { createRoute, z } from "@hono/zod-openapi";
import { Actor, NotFoundError, User, withActor } from "@wangge/core";
import { body, bearer, json, PageQuery, pageOf, pathParam, problems, router } from "../openapi.ts";

const DistrictUser = User.DistrictUser.meta({ id: "DistrictUser" });
const UserParam = z.object({ userID: pathParam("userID", "user_01jd…") });

/** Users and access (用户与权限): a district admin invites staff, changes roles, approves and disables. */
export const usersRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/users",
      operationId: "listUsers",
      tags: ["users"],
      summary: "The district's users, newest first, by status, role or a search of names and phone digits; phones and e-mails masked (district admin)",
      security: bearer,
      request: { query: PageQuery.extend({ status: User.UserStatus.optional(), role: Actor.DistrictRole.optional(), q: User.ListUsersInput.shape.q }) },
      responses: { 200: json(pageOf(DistrictUser), "One page of users"), ...problems(400, 401, 403) },
    }),
    async (c) => c.json(await User.listUsers(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/users",
      operationId: "inviteUser",
      tags: ["users"],
      summary: "Add a member of staff by phone or e-mail with roles, a grid or a department; active at once (district admin)",
      security: bearer,
      request: body(User.InviteInput.meta({ id: "InviteUserInput" })),
      responses: { 201: json(DistrictUser, "The user"), ...problems(400, 401, 403, 409) },
    }),
    async (c) => c.json(await User.inviteUser(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/users/{userID}",
      operationId: "updateUserRoles",
      tags: ["users"],
      summary: "Change a user's roles, grid or department, approve a pending resident (status active), or disable and enable (district admin)",
      description: "409 `user.last_admin` when the change would leave the district without an active district admin.",
      security: bearer,
      request: { params: UserParam, ...body(User.UpdateUserInput.omit({ userID: true }).meta({ id: "UpdateUserInput" })) },
      responses: { 200: json(DistrictUser, "The user after the change"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await User.updateUserRoles({ ...c.req.valid("json"), userID: c.req.valid("param").userID }), 200),
  );

const SlugParam = z.object({ slug: z.string().min(1).max(80).openapi({ param: { name: "slug", in: "path" }, example: "jianyang" }) });

/** Runs `body` as the system actor of the district in the URL; a malformed slug names no district. */
function inDistrict<T>(slug: string, body: () => Promise<T>): Promise<T> {
  if (!Actor.Slug.safeParse(slug).success) throw new NotFoundError("district.not_found", `There is no district "${slug}".`);
  return withActor({ type: "system", tenantID: slug }, body);
}

/**
 * Public (no token): a district's registration page and residents' self-registration. The core
 * runs as the system actor of the district named in the URL, which is all it may touch.
 */
export const publicDistrictRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/{slug}/registration",
      operationId: "getRegistration",
      tags: ["users"],
      summary: "A district's names and whether residents may register themselves, and with approval (public)",
      request: { params: SlugParam },
      responses: { 200: json(User.Registration.meta({ id: "Registration" }), "The district's registration"), ...problems(404) },
    }),
    async (c) => {
      const { slug } = c.req.valid("param");
      return c.json(await inDistrict(slug, () => User.registration()), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{slug}/residents",
      operationId: "registerResident",
      tags: ["users"],
      summary: "A resident registers into the district; pending until staff approve when the district asks for approval (public)",
      request: { params: SlugParam, ...body(User.RegisterInput.meta({ id: "RegisterResidentInput" })) },
      responses: {
        201: json(z.object({ userID: z.string(), status: z.enum(["active", "pending"]) }).openapi("Registered"), "Registered"),
        ...problems(400, 403, 404, 409),
      },
    }),
    async (c) => {
      const { slug } = c.req.valid("param");
      const input = c.req.valid("json");
      return c.json(await inDistrict(slug, () => User.registerResident(input)), 201);
    },
  );
