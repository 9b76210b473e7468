import { Service } from "electrodb";
import { DistrictConfigEntity, DistrictEntity } from "../district/district.entity.ts";
import { ProvinceEntity } from "../province/province.entity.ts";
import { StaffEntity, UserEntity } from "../user/user.entity.ts";
import { documentClient, tableName } from "./table.ts";

/** Every entity of the table, for transactions and collections that span them. */
export const Database = new Service(
  {
    district: DistrictEntity,
    districtConfig: DistrictConfigEntity,
    province: ProvinceEntity,
    user: UserEntity,
    staff: StaffEntity,
  },
  { table: tableName(), client: documentClient() },
);
