/**
 * The portal's sign-in module as the unit tests see it: the issuer's page is another site, so
 * nothing leaves for it. `vi.mock("../data/sign-in.ts", () => import("../test/sign-in-mock.ts"))`.
 */
import { vi } from "vitest";

export const startSignIn = vi.fn(async () => {});
export const completeSignIn = vi.fn();
export const onRenewed = vi.fn(async () => () => {});
export const signOutEverywhere = vi.fn(async () => {});
export const forgetSignIn = vi.fn(async () => {});
export const resumeSignIn = vi.fn(async (): Promise<unknown> => undefined);
