/**
 * How many groups a count of members makes and how large they are: as many groups of the set
 * size as fit, the remainder spread over them so that sizes differ by one at most (an odd count
 * in pairs makes one group of three). Fewer members than the set size make one smaller group;
 * one member makes none.
 */
export interface GroupShape {
  groups: number;
  /** The size of the smaller groups; `larger` groups have one more. */
  base: number;
  larger: number;
}

export function groupShape(count: number, groupSize: number): GroupShape {
  if (count < 2) return { groups: 0, base: 0, larger: 0 };
  const groups = Math.max(1, Math.floor(count / groupSize));
  return { groups, base: Math.floor(count / groups), larger: count % groups };
}
