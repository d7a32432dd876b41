import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useCallback } from 'react';
import { joinNames } from '../format';
import { useSession } from '../session-context';
import type { QuietMembers } from '../../../bot/src/features/recognition/recognition-schemas';
import { useResource } from '../use-resource';
import { quietUrl } from './wall-api';
import { useT } from '../i18n/use-t';

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
  const { api, me, locale } = useSession();
  const t = useT();
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
        <MessageBarTitle>{t('tab.wall.quietTitle')}</MessageBarTitle>
        {t('tab.wall.quietText', {
          names: joinNames(
            others.map((m) => m.name),
            locale,
          ),
          days: quiet.data.days,
        })}
      </MessageBarBody>
    </MessageBar>
  );
}
