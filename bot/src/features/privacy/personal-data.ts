import type { PersonKey } from '../../platform/domain/person-key';
import type { PersonalDataPart } from '../../platform/domain/personal-data';
import type { OpenedScope } from './personal-data-repository';

/**
 * A member's own data: what they can download and what they can erase (privacy rule 5), gathered
 * from every feature's part. Aggregates never hold names, so erasing a person leaves every team
 * trend intact.
 */
export function createPersonalDataService(deps: {
  scopes: { open(person: PersonKey): Promise<OpenedScope> };
  /** Every feature's part, in the order of the feature list. */
  parts: readonly PersonalDataPart[];
  outbox: { removeFor(person: PersonKey): Promise<number> };
}) {
  return {
    /** The rosters, then each part's keys in the feature list's order. */
    async collect(
      person: PersonKey,
    ): Promise<Pick<OpenedScope, 'memberships'> & Record<string, unknown>> {
      const { scope, memberships } = await deps.scopes.open(person);
      const parts = await Promise.all(
        deps.parts.map(async (part) => declaredOnly(part, await part.collect(person, scope))),
      );
      return Object.assign({ memberships }, ...parts) as Pick<OpenedScope, 'memberships'> &
        Record<string, unknown>;
    },
    /** One part after another, in the feature list's order, so the writes of two never interleave. */
    async erase(person: PersonKey): Promise<Record<string, number>> {
      const { scope } = await deps.scopes.open(person);
      const report: Record<string, number> = {};
      for (const part of deps.parts) Object.assign(report, await part.erase(person, scope));
      // The person's queued messages live apart from every feature's data.
      return { ...report, outboxMessagesRemoved: await deps.outbox.removeFor(person) };
    },
  };
}

/**
 * A part's keys of the export, as it declares them in `exported` (which the API documents): a
 * key it collects without declaring it never reaches the export, so it cannot break its shape.
 */
function declaredOnly(
  part: PersonalDataPart,
  collected: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(Object.keys(part.exported).map((key) => [key, collected[key]]));
}

export type PersonalDataService = ReturnType<typeof createPersonalDataService>;
