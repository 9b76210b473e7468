import { createRoute, z } from "@hono/zod-openapi";
import { User } from "@wangge/core";
import { DistrictRole } from "@wangge/core/actor-schemas";
import { body, bearer, json, PageQuery, pageOf, pathParam, problems, router } from "../openapi.ts";

const DistrictUser = User.DistrictUser.meta({ id: "DistrictUser" });
const SignedOut = User.SignedOut.meta({ id: "SignedOut" });
const UserParam = z.object({ userID: pathParam("userID", "user_01jd…") });

/** Users and access (用户与权限), mounted at `/users`: a district admin invites staff, changes roles, approves and disables. */
export const usersRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listUsers",
      tags: ["users"],
      summary:
        "The district's users, newest first, by status, role or a search of names and phone digits; phones and e-mails masked (district admin)",
      security: bearer,
      request: {
        query: PageQuery.extend({
          status: User.UserStatus.optional(),
          role: DistrictRole.optional(),
          q: User.ListUsersInput.shape.q,
        }),
      },
      responses: { 200: json(pageOf(DistrictUser), "One page of users"), ...problems(400, 401, 403) },
    }),
    async (c) => c.json(await User.listUsers(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
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
      path: "/{userID}",
      operationId: "updateUserRoles",
      tags: ["users"],
      summary:
        "Change a user's roles, grid or department, approve a pending resident (status active), or disable and enable (district admin)",
      description: "409 `user.last_admin` when the change would leave the district without an active district admin.",
      security: bearer,
      request: { params: UserParam, ...body(User.UpdateUserInput.omit({ userID: true }).meta({ id: "UpdateUserInput" })) },
      responses: { 200: json(DistrictUser, "The user after the change"), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await User.updateUserRoles({ ...c.req.valid("json"), userID: c.req.valid("param").userID }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{userID}/sign-out",
      operationId: "signOutUser",
      tags: ["users"],
      summary: "Sign a user out everywhere: every token and refresh token issued before now is refused (district admin)",
      description:
        "On AWS the user's Cognito refresh tokens are revoked too (global sign-out); `directory: false` when that could not be done: try again.",
      security: bearer,
      request: { params: UserParam },
      responses: { 200: json(SignedOut, "When their sessions end"), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await User.signOutEverywhere({ userID: c.req.valid("param").userID }), 200),
  );
