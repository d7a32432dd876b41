import type { z } from 'zod';
import type { PersonKey } from './person-key';

/**
 * What every part of one person's export and erasure shares, computed once by the privacy
 * feature: a person is an object id within a tenant, so each part keeps only the records of
 * teams installed in the caller's tenant.
 */
export interface PersonalDataScope {
  /** The teams of the caller's tenant whose roster holds the person. */
  readonly memberTeams: readonly string[];
  /**
   * Those of `teamIds` whose installation record belongs to the caller's tenant. A part searches
   * by the person's object id across teams (to find what they left behind in a team they have
   * left), then keeps what this returns.
   */
  inTenant(teamIds: Iterable<string>): Promise<ReadonlySet<string>>;
}

/** A feature's part of a member's export and erasure (privacy rule 5). */
export interface PersonalDataPart {
  /** The schema of each key it adds to the export, which documents and checks the answer. */
  readonly exported: Readonly<Record<string, z.ZodType>>;
  /** Its keys of the export document. */
  collect(person: PersonKey, scope: PersonalDataScope): Promise<Record<string, unknown>>;
  /** Erases its part and says how much, as counts for the erasure report. */
  erase(person: PersonKey, scope: PersonalDataScope): Promise<Record<string, number>>;
}
