import { Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useVisuallyHidden } from '../../a11y';
import type {
  ContentDiff,
  WordChange,
} from '../../../../bot/src/features/agreements/agreement-schemas';
import { useT } from '../../i18n/use-t';
import { useLayoutStyles } from '../../layout-styles';
import { categoryLabel } from './agreement-format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Colour and a second cue for people who cannot tell the colours apart: added words are
  // underlined, removed ones struck through, and screen readers hear "added" and "removed".
  added: {
    backgroundColor: tokens.colorPaletteGreenBackground2,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'underline',
    textDecorationThickness: '2px',
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXXS}`,
  },
  removed: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'line-through',
    textDecorationThickness: '2px',
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    marginRight: tokens.spacingHorizontalXXS,
  },
  legend: { color: tokens.colorNeutralForeground3 },
  label: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
});

/** Whether a word diff changes anything. */
export const hasChanges = (changes: WordChange[]): boolean =>
  changes.some((c) => c.added || c.removed);

/** One field's word diff, with every change marked in three ways (colour, line, words). */
export function DiffText({ changes, className }: { changes: WordChange[]; className?: string }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const hidden = useVisuallyHidden();
  const t = useT();
  // Read before the words, with the space that separates them from the change.
  const added = `${t('tab.agreements.diff.added')} `;
  const removed = `${t('tab.agreements.diff.removed')} `;
  return (
    <Text className={mergeClasses(layout.writtenText, className)} data-testid="diff-text">
      {changes.map((c, i) => {
        if (!c.added && !c.removed) return <span key={i}>{c.value}</span>;
        const Mark = c.added ? 'ins' : 'del';
        return (
          <Mark key={i} className={c.added ? styles.added : styles.removed}>
            {c.value.trim() !== '' && (
              <span className={hidden.root}>{c.added ? added : removed}</span>
            )}
            {c.value}
          </Mark>
        );
      })}
    </Text>
  );
}

/** The difference between two versions (or a proposal and the current version): title, category, text. */
export function ContentDiffView({ diff }: { diff: ContentDiff }) {
  const styles = useStyles();
  const t = useT();
  return (
    <div className={styles.root} data-testid="content-diff">
      <Caption1 className={styles.legend}>{t('tab.agreements.diff.legend')}</Caption1>
      {hasChanges(diff.title) && (
        <div>
          <Text className={styles.label}>{t('tab.agreements.diff.title')} </Text>
          <DiffText changes={diff.title} />
        </div>
      )}
      {diff.category && (
        <div>
          <Text className={styles.label}>{t('tab.agreements.diff.category')} </Text>
          <DiffText
            changes={[
              { value: categoryLabel(diff.category.from, t), removed: true },
              { value: ' ' },
              { value: categoryLabel(diff.category.to, t), added: true },
            ]}
          />
        </div>
      )}
      {hasChanges(diff.text) ? (
        <div>
          <Text className={styles.label} block>
            {t('tab.agreements.diff.text')}
          </Text>
          <DiffText changes={diff.text} />
        </div>
      ) : (
        <Text className={styles.legend}>{t('tab.agreements.diff.textSame')}</Text>
      )}
    </div>
  );
}
