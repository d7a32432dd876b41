/** A Teams deep link that opens Rapport's personal tab on the recognition wall of a team. */
export function recognitionWallLink(teamsAppId: string, teamId: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: `wall:${teamId}` }));
  return `https://teams.microsoft.com/l/entity/${teamsAppId}/wall?label=${encodeURIComponent('Recognition wall')}&context=${context}`;
}

/** A Teams deep link that opens Rapport's tab on one of a team's working agreements. */
export function agreementLink(teamsAppId: string, teamId: string, agreementId: string): string {
  const context = encodeURIComponent(
    JSON.stringify({ subEntityId: `agreement:${teamId}:${agreementId}` }),
  );
  return `https://teams.microsoft.com/l/entity/${teamsAppId}/wall?label=${encodeURIComponent('Working agreements')}&context=${context}`;
}
