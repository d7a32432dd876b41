import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useCallback } from 'react';
import { joinNames } from '../format';
import { useSession } from '../session-context';
import type { QuietMembers } from '../../../bot/src/features/recognition/recognition-schemas';
import { useResource } from '../use-resource';
import { quietUrl } from './wall-api';

/**
 * A gentle prompt naming teammates nobody has recognized lately: names only, no counts and no
 * order beyond the roster's, so it never reads as a score. Says nothing when there is no one.
 */
export function QuietLately({
  teamId,
  onLoaded,
}: {
  teamId: string;
  onLoaded?: (q: QuietMembers) => void;
}) {
  const { api, me } = useSession();
  const load = useCallback(
    async (signal: AbortSignal) => {
      const quiet = await api.get<QuietMembers>(quietUrl(teamId), signal);
      onLoaded?.(quiet);
      return quiet;
    },
    [api, teamId, onLoaded],
  );
  const [quiet] = useResource(load);
  if (quiet.status !== 'ok') return null;
  const others = quiet.data.members.filter((m) => m.aadObjectId !== me.aadObjectId);
  if (others.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline" aria-live="off">
      <MessageBarBody>
        <MessageBarTitle>Quiet lately</MessageBarTitle>
        Nobody has recognized {joinNames(others.map((m) => m.name))} in {quiet.data.days} days —
        anything to thank them for?
      </MessageBarBody>
    </MessageBar>
  );
}
