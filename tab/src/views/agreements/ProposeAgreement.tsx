import {
  Badge,
  Button,
  Card,
  Link,
  makeStyles,
  Subtitle1,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useHeadingStyles } from '../heading-styles';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { teamPath } from '../../api';
import { Loaded } from '../../components/Loaded';
import { LoadingCards } from '../../components/LoadingCards';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import type {
  AgreementSummary,
  AgreementTemplate,
} from '../../../../bot/src/features/agreements/agreement-schemas';
import { useAction } from '../../use-action';
import { useUrlParams } from '../../url-state';
import { useResource } from '../../use-resource';
import { categoryLabel } from './agreement-format';
import { AgreementForm, type AgreementDraft } from './AgreementForm';
import { agreementHref, useAgreements } from './agreements-context';
import { AgreementText } from './AgreementText';

const useStyles = makeStyles({
  gallery: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  template: { height: '100%', gap: tokens.spacingVerticalS },
  templateText: {
    flexGrow: 1,
    color: tokens.colorNeutralForeground2,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const BLANK = { title: '', text: '', category: 'communication' } as const;

/**
 * Proposing a new agreement: the templates gallery (or a blank page), then the wording, which
 * the member edits before the team sees it. The proposer endorses it by proposing.
 */
export function ProposeAgreement() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const { api } = useSession();
  const { teamId, announce, open } = useAgreements();
  const [, update] = useUrlParams();
  const [choice, setChoice] = useState<{ template?: AgreementTemplate }>();
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const galleryId = useId();

  useEffect(() => heading.current?.focus(), []);

  const load = useCallback(
    (signal: AbortSignal) =>
      api.get<{ items: AgreementTemplate[] }>(teamPath(teamId, '/agreement-templates'), signal),
    [api, teamId],
  );
  const [templates] = useResource(load);

  const choose = (template?: AgreementTemplate) => {
    action.clearError();
    setChoice({ template });
  };

  const propose = async (draft: AgreementDraft) => {
    const created = await action.run('propose', () =>
      api.send<AgreementSummary>('POST', teamPath(teamId, '/agreements'), {
        ...(choice?.template ? { templateId: choice.template.id } : {}),
        title: draft.title,
        text: draft.text,
        category: draft.category,
        ...(draft.note ? { note: draft.note } : {}),
      }),
    );
    if (!created) return;
    announce(`You proposed “${created.title}” and endorsed it. The team has 7 days to respond.`);
    // The composer is done: the new agreement takes its place in the history.
    update({ agreement: created.id });
  };

  return (
    <div className={layout.columnL}>
      <Link
        href={agreementHref(undefined)}
        onClick={(e) => {
          e.preventDefault();
          open(undefined);
        }}
      >
        ← All agreements
      </Link>
      <h2 className={headings.view} id="agreements-title" ref={heading} tabIndex={-1}>
        Propose an agreement
      </h2>

      {choice ? (
        <div className={layout.panel}>
          <div className={styles.row}>
            <Text>
              {choice.template
                ? `Starting from the template “${choice.template.title}”. Change anything before you propose it.`
                : 'Write it in your own words.'}
            </Text>
            <Button size="small" onClick={() => setChoice(undefined)}>
              {choice.template ? 'Choose another template' : 'Choose a template'}
            </Button>
          </div>
          <AgreementForm
            key={choice.template?.id ?? 'blank'}
            initial={
              choice.template
                ? {
                    title: choice.template.title,
                    text: choice.template.text,
                    category: choice.template.category,
                  }
                : BLANK
            }
            label="New agreement"
            submitLabel="Propose to the team"
            noteLabel="Why propose it? (optional)"
            noteHint="Shown with the proposal, up to 500 characters."
            busy={action.busy !== undefined}
            error={action.error}
            errorTitle="The agreement could not be proposed"
            onSubmit={(draft) => void propose(draft)}
            onCancel={() => setChoice(undefined)}
            focusTitle
          />
        </div>
      ) : (
        <>
          <Text className={layout.intro}>
            Pick a template to start from, or write your own. You can edit the title, the text and
            the category before proposing. Proposing counts as your endorsement; the team then has 7
            days to endorse or object.
          </Text>
          <div className={styles.row}>
            <Button onClick={() => choose(undefined)}>Write your own</Button>
          </div>
          <Subtitle1 as="h3" className={headings.root} id={galleryId}>
            Templates
          </Subtitle1>
          <Loaded
            resource={templates}
            loading={<LoadingCards label="Loading templates" count={4} />}
            errorTitle="The templates could not be loaded"
          >
            {(data) => (
              <ul className={styles.gallery} aria-labelledby={galleryId}>
                {data.items.map((t) => (
                  <li key={t.id}>
                    <Card className={styles.template} data-testid="agreement-template">
                      <Subtitle2 as="h4" className={headings.root}>
                        {t.title}
                      </Subtitle2>
                      <div>
                        <Badge appearance="tint" color="informative">
                          {categoryLabel(t.category)}
                        </Badge>
                      </div>
                      <AgreementText text={t.text} className={styles.templateText} />
                      <div>
                        <Button
                          appearance="primary"
                          onClick={() => choose(t)}
                          aria-label={`Use this template: ${t.title}`}
                        >
                          Use this template
                        </Button>
                      </div>
                    </Card>
                  </li>
                ))}
              </ul>
            )}
          </Loaded>
        </>
      )}
    </div>
  );
}
