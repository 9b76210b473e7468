import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

/** A person who signs in to a district: resident, grid worker, leader, department staff, admin. */
export const UserEntity = new Entity(
  {
    model: { entity: "user", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      userID: { type: "string", required: true, readOnly: true },
      name: { type: "string", required: true },
      /** Mainland mobile number; "" for a person invited by e-mail only. */
      phone: { type: "string", required: true },
      email: { type: "string" },
      roles: { type: "list", items: { type: "string" }, required: true },
      /** For department staff: their department's key. */
      departmentKey: { type: "string" },
      /** For grid workers and leaders: the grid they work on (their queues default to it and below). */
      gridID: { type: "string" },
      /** `pending`: a self-registered resident waiting for staff approval. */
      status: { type: ["active", "pending", "disabled"] as const, required: true, default: "active" },
      createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
      updatedAt: { type: "string" },
      /** Who invited this person (a district admin's userID); absent for self-registered residents. */
      invitedBy: { type: "string" },
      /** ISO time of their last "sign out everywhere": tokens and refresh tokens issued before it are refused. */
      sessionsValidAfter: { type: "string" },
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["tenantID"] },
        sk: { field: "sk", composite: ["userID"] },
      },
      byPhone: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["tenantID", "phone"] },
        sk: { field: "gsi1sk", composite: [] },
      },
    },
  },
  { table: tableName(), client: documentClient() },
);

/** The claim key of a phone number or an e-mail address (one user per key in a district). */
export const claimOf = { phone: (phone: string) => `phone:${phone}`, email: (email: string) => `email:${email}` };

/**
 * A phone number or e-mail address taken in a district (`phone:138…`, `email:a@b.cn`). Written
 * with a conditional create in the same transaction as the user, so that two people cannot
 * claim the same number at once.
 */
export const UserClaimEntity = new Entity(
  {
    model: { entity: "userClaim", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      claim: { type: "string", required: true, readOnly: true },
      userID: { type: "string", required: true },
      createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["tenantID", "claim"] },
        sk: { field: "sk", composite: [] },
      },
    },
  },
  { table: tableName(), client: documentClient() },
);

/** Platform staff: the operator and provincial admins. They belong to no district. */
export const StaffEntity = new Entity(
  {
    model: { entity: "staff", version: "1", service: "wangge" },
    attributes: {
      userID: { type: "string", required: true, readOnly: true },
      name: { type: "string", required: true },
      kind: { type: ["operator", "province"] as const, required: true },
      provinceID: { type: "string" },
      /** What they sign in with on AWS (the Cognito account's aliases): a mainland mobile number, an e-mail address. */
      phone: { type: "string" },
      email: { type: "string" },
      createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
      /** ISO time of their last "sign out everywhere": tokens and refresh tokens issued before it are refused. */
      sessionsValidAfter: { type: "string" },
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["userID"] },
        sk: { field: "sk", composite: [] },
      },
    },
  },
  { table: tableName(), client: documentClient() },
);
