/**
 * Whose data: a person is an object id within a tenant. The same object id in another tenant is
 * someone else as far as export and erasure go, so every query is scoped by both.
 */
export interface PersonKey {
  tenantId: string;
  aadObjectId: string;
}
