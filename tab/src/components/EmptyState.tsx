import { makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

interface Props {
  title: string;
  /** What to do next. */
  children: ReactNode;
  action?: ReactNode;
}

/** Nothing to show yet, and what would change that. */
export function EmptyState({ title, children, action }: Props) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      <Subtitle2 as="h3">{title}</Subtitle2>
      <Text>{children}</Text>
      {action}
    </div>
  );
}
