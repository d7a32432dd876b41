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
import { useT } from '../../i18n/use-t';
import { useSession } from '../../session-context';
import type {
  AgreementSummary,
  AgreementTemplate,
} from '../../../../bot/src/features/agreements/agreement-schemas';
import { useAction } from '../../use-action';
import { useUrlParams } from '../../url-state';
import { useResource } from '../../use-resource';
import { categoryLabel } from './agreement-format';
import { AgreementForm, MAX_NOTE, type AgreementDraft } from './AgreementForm';
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
  const t = useT();
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
    announce(t('tab.agreements.proposed', { title: created.title }));
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
        {t('tab.agreements.back')}
      </Link>
      <h2 className={headings.view} id="agreements-title" ref={heading} tabIndex={-1}>
        {t('tab.agreements.propose')}
      </h2>

      {choice ? (
        <div className={layout.panel}>
          <div className={styles.row}>
            <Text>
              {choice.template
                ? t('tab.agreements.new.fromTemplate', { title: choice.template.title })
                : t('tab.agreements.new.ownWords')}
            </Text>
            <Button size="small" onClick={() => setChoice(undefined)}>
              {choice.template
                ? t('tab.agreements.new.chooseAnother')
                : t('tab.agreements.new.choose')}
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
            label={t('tab.agreements.new.label')}
            submitLabel={t('tab.agreements.new.submit')}
            noteLabel={t('tab.agreements.new.note')}
            noteHint={t('tab.agreements.form.noteHint', { max: MAX_NOTE })}
            busy={action.busy !== undefined}
            error={action.error}
            errorTitle={t('tab.agreements.new.failed')}
            onSubmit={(draft) => void propose(draft)}
            onCancel={() => setChoice(undefined)}
            focusTitle
          />
        </div>
      ) : (
        <>
          <Text className={layout.intro}>{t('tab.agreements.new.intro')}</Text>
          <div className={styles.row}>
            <Button onClick={() => choose(undefined)}>{t('tab.agreements.new.writeOwn')}</Button>
          </div>
          <Subtitle1 as="h3" className={headings.root} id={galleryId}>
            {t('tab.agreements.templates')}
          </Subtitle1>
          <Loaded
            resource={templates}
            loading={<LoadingCards label={t('tab.agreements.templatesLoading')} count={4} />}
            errorTitle={t('tab.agreements.templatesFailed')}
          >
            {(data) => (
              <ul className={styles.gallery} aria-labelledby={galleryId}>
                {data.items.map((template) => (
                  <li key={template.id}>
                    <Card className={styles.template} data-testid="agreement-template">
                      <Subtitle2 as="h4" className={headings.root}>
                        {template.title}
                      </Subtitle2>
                      <div>
                        <Badge appearance="tint" color="informative">
                          {categoryLabel(template.category, t)}
                        </Badge>
                      </div>
                      <AgreementText text={template.text} className={styles.templateText} />
                      <div>
                        <Button
                          appearance="primary"
                          onClick={() => choose(template)}
                          aria-label={t('tab.agreements.new.useTemplateFor', {
                            title: template.title,
                          })}
                        >
                          {t('tab.agreements.new.useTemplate')}
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
