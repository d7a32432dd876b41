/** Someone Rapport names: in a recognition, a roster, a lookup. */
export interface Person {
  aadObjectId: string;
  name: string;
  /** The Teams user id (29:…) when known; used to @mention. */
  teamsUserId?: string;
}
