import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, useTenant } from "../actor.ts";
import { gridScopes, Tally } from "../counter/tally.ts";
import { ConflictError } from "../error.ts";
import { pathPrefix, placeToList } from "../grid/place.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { maskPhone } from "../user/index.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import { Phone } from "../util/schemas.ts";
import { CreditCode } from "./numbers.ts";
import { lookupHash, seal } from "./protect.ts";
import { OrganisationEntity, OrganisationKinds, RegisterKeyEntity } from "./register.entity.ts";
import { asRegisterStaff, pathKeyOf, placeOf, RegisterMetric } from "./shared.ts";

export const OrganisationKind = z.enum(OrganisationKinds);

/** An enterprise, institution or managed object (企事业单位 / 管理对象) as callers see it; the contact's phone masked. */
export const Organisation = z.object({
  organisationID: z.string(),
  kind: OrganisationKind,
  name: z.string(),
  creditCode: z.string().nullable(),
  address: z.string(),
  lon: z.number(),
  lat: z.number(),
  gridID: z.string(),
  gridPath: z.array(z.string()),
  contactName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof Organisation>;

type OrganisationItem = EntityItem<typeof OrganisationEntity>;

export const toOrganisation = (item: OrganisationItem): Organisation => ({
  organisationID: item.organisationID,
  kind: item.kind,
  name: item.name,
  creditCode: item.creditCode ?? null,
  address: item.address,
  lon: item.lon,
  lat: item.lat,
  gridID: item.gridID,
  gridPath: item.gridPath,
  contactName: item.contactName ?? null,
  contactPhoneMasked: item.contactPhoneMasked ?? null,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
});

export const CreateEnterpriseInput = z.object({
  kind: OrganisationKind.default("enterprise"),
  name: z.string().trim().min(2).max(80),
  /** 统一社会信用代码: unique in the district. */
  creditCode: CreditCode.optional(),
  address: z.string().trim().min(2).max(120),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  gridID: z.string().max(80).optional(),
  contactName: z.string().trim().min(1).max(40).optional(),
  contactPhone: Phone.optional(),
});

/** Adds an enterprise, institution or managed object on a grid of the caller's (by its point, or the grid named). */
export const createEnterprise = fn(CreateEnterpriseInput, async (input) => {
  await asRegisterStaff();
  const tenantID = useTenant();
  const place = await placeOf(input);
  const at = now().toISOString();
  const organisationID = newID("org");
  const item: OrganisationItem = {
    tenantID,
    organisationID,
    kind: input.kind,
    name: input.name,
    creditCode: input.creditCode,
    address: input.address,
    lon: input.lon,
    lat: input.lat,
    gridID: place.gridID,
    gridPath: place.gridPath,
    gridPathKey: pathKeyOf(place, organisationID),
    contactName: input.contactName,
    contactPhoneMasked: input.contactPhone ? maskPhone(input.contactPhone) : undefined,
    sealed: input.contactPhone ? await seal({ contactPhone: input.contactPhone }) : undefined,
    createdAt: at,
    createdBy: actorID(),
    updatedAt: at,
  };
  const codeKey = input.creditCode
    ? { hash: await lookupHash("creditCode", input.creditCode), slot: "unique", recordID: organisationID }
    : null;
  const tally = new Tally().addState(gridScopes(place.gridPath), RegisterMetric.organisations, 1);
  const result = await writeTransaction({ organisation: OrganisationEntity, registerKey: RegisterKeyEntity, ...Tally.entities }, (ops) => [
    ops.organisation.create(item).commit(),
    ...(codeKey ? [ops.registerKey.create({ tenantID, ...codeKey }).commit()] : []),
    ...tally.operations(ops),
  ]).go();
  if (result.canceled)
    throw new ConflictError("register.duplicate_credit_code", "An organisation with this credit code is in the register already.", [
      { path: "creditCode", message: "already in the register" },
    ]);
  return toOrganisation(item);
});

export const ListEnterprisesInput = PageInput.extend({ gridID: z.string().max(80).optional(), kind: OrganisationKind.optional() });

/** The enterprises, institutions and managed objects of a grid and below (the caller's grid by default). */
export const listEnterprises = fn(ListEnterprisesInput, async (input) => {
  await asRegisterStaff();
  const place = await placeToList(input.gridID);
  const base = OrganisationEntity.query.byGrid({ tenantID: useTenant() });
  const query = place ? base.begins({ gridPathKey: pathPrefix(place) }) : base;
  const result = await page(input.kind ? query.where((attr, op) => op.eq(attr.kind, input.kind!)) : query, input);
  return { items: result.items.map(toOrganisation), cursor: result.cursor };
});
