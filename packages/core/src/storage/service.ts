import { Service } from "electrodb";
import { DistrictConfigEntity, DistrictEntity } from "../district/district.entity.ts";
import { ProvinceEntity } from "../province/province.entity.ts";
import { StaffEntity, UserEntity } from "../user/user.entity.ts";
import { AssignmentEntity, PersonEntity } from "../person/person.entity.ts";
import { IdempotencyEntity, NotificationEntity, TicketEntity, TimelineEntity } from "../ticket/ticket.entity.ts";
import { TicketCounterEntity } from "../metrics/counter.entity.ts";
import { MetricCounterEntity } from "../metrics/tally.ts";
import { AuditEventEntity } from "../audit/audit.entity.ts";
import { PartyOrgEntity, PartyRecordEntity } from "../party/party.entity.ts";
import { GridCodeEntity, GridEntity, GridImportEntity, GridSetEntity, GridVersionEntity } from "../grid/grid.entity.ts";
import { OwnersRecordEntity, VolunteerActivityEntity, VolunteerMemberEntity, VolunteerProblemEntity, VolunteerTeamEntity } from "../volunteer/volunteer.entity.ts"; // volunteers
import { CadreEntity, CadreEvaluationEntity, HomeUnitEntity, LedgerEntryEntity } from "../cadre/cadre.entity.ts"; // cadres
import { EmergencyModeEntity, EmergencyTaskEntity, EmergencyTaskGridEntity } from "../emergency/emergency.entity.ts"; // emergency
import { WishEntity } from "../wish/wish.entity.ts"; // wishes, needs, meetings
import { NeedItemEntity } from "../need/need.entity.ts"; // wishes, needs, meetings
import { MeetingEntity } from "../meeting/meeting.entity.ts"; // wishes, needs, meetings
import { UserClaimEntity } from "../user/user.entity.ts"; // issue 7: users
import { ConfigVersionEntity } from "../config/config.entity.ts"; // issue 7: config versions
import { documentClient, tableName } from "./table.ts";

/** Every entity of the table, for transactions and collections that span them. */
export const Database = new Service(
  {
    district: DistrictEntity,
    districtConfig: DistrictConfigEntity,
    province: ProvinceEntity,
    user: UserEntity,
    staff: StaffEntity,
    grid: GridEntity,
    gridCode: GridCodeEntity,
    gridVersion: GridVersionEntity,
    gridSet: GridSetEntity,
    gridImport: GridImportEntity,
    person: PersonEntity,
    assignment: AssignmentEntity,
    partyOrg: PartyOrgEntity,
    partyRecord: PartyRecordEntity,
    ticket: TicketEntity,
    timeline: TimelineEntity,
    idempotency: IdempotencyEntity,
    notification: NotificationEntity,
    ticketCounter: TicketCounterEntity,
    metricCounter: MetricCounterEntity,
    auditEvent: AuditEventEntity,
    // ── governance mechanisms (one block each; keep to your own lines) ──
    wish: WishEntity, // wishes, needs, meetings
    needItem: NeedItemEntity, // wishes, needs, meetings
    meeting: MeetingEntity, // wishes, needs, meetings
    emergencyMode: EmergencyModeEntity, // emergency
    emergencyTask: EmergencyTaskEntity, // emergency
    emergencyTaskGrid: EmergencyTaskGridEntity, // emergency
    homeUnit: HomeUnitEntity, // cadres
    cadre: CadreEntity, // cadres
    ledgerEntry: LedgerEntryEntity, // cadres
    cadreEvaluation: CadreEvaluationEntity, // cadres
    volunteerTeam: VolunteerTeamEntity, // volunteers
    volunteerMember: VolunteerMemberEntity, // volunteers
    volunteerProblem: VolunteerProblemEntity, // volunteers
    volunteerActivity: VolunteerActivityEntity, // volunteers
    ownersRecord: OwnersRecordEntity, // volunteers
    userClaim: UserClaimEntity, // issue 7: users
    configVersion: ConfigVersionEntity, // issue 7: config versions
  },
  { table: tableName(), client: documentClient() },
);

/** The entities a transaction builder receives (`Database.transaction.write((ops) => …)`). */
export type TransactionOps = Parameters<Parameters<typeof Database.transaction.write>[0]>[0];
