/** The demo's callers the tests and the load run act as (no core import: the load run's parent stays light). */
export interface Caller {
  userID: string;
  tenantID: string | null;
}

export const As = {
  operator: { userID: "operator", tenantID: null },
  fujian: { userID: "fujian-admin", tenantID: null },
  jianyangAdmin: { userID: "admin", tenantID: "jianyang" },
  jianyangResident: { userID: "resident", tenantID: "jianyang" },
  jianyangLeader: { userID: "leader", tenantID: "jianyang" },
  jianyangWorker: { userID: "worker", tenantID: "jianyang" },
  jianyangCadre: { userID: "cadre", tenantID: "jianyang" },
  jianyangStaff: { userID: "staff", tenantID: "jianyang" },
  yanpingAdmin: { userID: "admin", tenantID: "yanping" },
} satisfies Record<string, Caller>;
