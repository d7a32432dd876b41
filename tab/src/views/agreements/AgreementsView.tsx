import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import { teamPath } from '../../api';
import { useAnnouncer } from '../../components/LiveRegion';
import { todayIn } from '../../dates';
import { useSession } from '../../session-context';
import type { CheckinConfig } from '../../../../bot/src/features/checkins/checkin-schemas';
import { useUrlParams } from '../../url-state';
import { useResource } from '../../use-resource';
import { AgreementDetailView } from './AgreementDetail';
import { AgreementList } from './AgreementList';
import { AgreementsContext, type AgreementsContextValue } from './agreements-context';
import { ProposeAgreement } from './ProposeAgreement';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/**
 * The team's working agreements: the list by category (`?view=agreements`), the composer with
 * the templates (`&agreement=new`) and one agreement with its versions (`&agreement=<id>`).
 */
export function AgreementsView({ teamId }: { teamId: string }) {
  const styles = useStyles();
  const { api } = useSession();
  const [params, update] = useUrlParams();
  const [announce, liveRegion] = useAnnouncer();

  // The check-in settings say whether this member is a lead, and the team's time zone (review
  // dates are local).
  const loadConfig = useCallback(
    (signal: AbortSignal) => api.get<CheckinConfig>(teamPath(teamId, '/checkin/settings'), signal),
    [api, teamId],
  );
  const [config] = useResource(loadConfig);
  const timeZone = config.status === 'ok' ? config.data.settings.cadence.timeZone : undefined;
  const isLead = config.status === 'ok' && config.data.isLead;
  const today = todayIn(timeZone);

  const open = useCallback(
    (agreement: string | undefined) => {
      update({ agreement }, { push: true });
      window.scrollTo({ top: 0 });
    },
    [update],
  );
  const context = useMemo<AgreementsContextValue>(
    () => ({ teamId, timeZone, today, isLead, announce, open }),
    [teamId, timeZone, today, isLead, announce, open],
  );

  const selected = params.agreement;
  return (
    <AgreementsContext.Provider value={context}>
      <section className={styles.root} aria-labelledby="agreements-title">
        {selected === 'new' ? (
          <ProposeAgreement />
        ) : selected ? (
          <AgreementDetailView key={selected} agreementId={selected} />
        ) : (
          <AgreementList />
        )}
        {liveRegion}
      </section>
    </AgreementsContext.Provider>
  );
}
