/**
 * The API's reply shapes, as the portal sees them. Domain types come from core as
 * types only: nothing of core's code reaches the bundle.
 */
import type { AccessRole, Actor } from "@wangge/core/actor";
import type { DemoAccount, DemoStatus } from "@wangge/core/demo/index";
import type { District } from "@wangge/core/district/index";
import type { DistrictConfig, RoleDefinition, Tier, DedicatedKind, Mechanisms } from "@wangge/core/config/settings";
import type { OnboardInput } from "@wangge/core/onboarding/index";
import type { Profile } from "@wangge/core/user/index";

export type {
  AccessRole,
  DemoAccount,
  DemoStatus,
  District,
  DistrictConfig,
  OnboardInput,
  Profile,
  RoleDefinition,
  Tier,
  DedicatedKind,
  Mechanisms,
};

/** Who `/me` says is signed in: a district user, a provincial admin or the platform operator. */
export type SignedInActor = Extract<Actor, { type: "user" | "province" | "operator" }>;

export interface Me {
  actor: SignedInActor;
  profile: Profile;
}

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

export interface DistrictDetail {
  district: District;
  config: DistrictConfig;
}

export interface Province {
  provinceID: string;
  nameZh: string;
  nameEn: string;
}

export interface DevToken {
  token: string;
  expiresAt: string;
}

export interface OnboardResult {
  district: District;
  config: DistrictConfig;
  admin: { userID: string; name: string; roles: AccessRole[] };
}

export type MechanismKey = keyof Mechanisms;
