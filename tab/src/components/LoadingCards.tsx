import { makeStyles, Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: {
    display: 'grid',
    gridTemplateColumns: 'min-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  short: { width: '40%' },
  medium: { width: '70%' },
  block: { height: '240px' },
});

/** Placeholder cards while a list loads. */
export function LoadingCards({ count = 3, label }: { count?: number; label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.list} aria-busy="true" aria-label={label} role="progressbar">
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} className={styles.card} aria-hidden="true">
          <SkeletonItem shape="circle" size={32} />
          <div className={styles.lines}>
            <SkeletonItem size={16} className={styles.short} />
            <SkeletonItem size={12} />
            <SkeletonItem size={12} className={styles.medium} />
          </div>
        </Skeleton>
      ))}
    </div>
  );
}

/** Placeholder for a block such as a chart or a table. */
export function LoadingBlock({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <Skeleton aria-busy="true" aria-label={label} role="progressbar">
      <SkeletonItem className={styles.block} />
    </Skeleton>
  );
}
