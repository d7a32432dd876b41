import {
  makeStyles,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useOverflowMenu,
} from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { VIEWS } from '../views/registry';
import { useT } from '../i18n/use-t';

const MoreViewsMenu = lazy(() => import('./MoreViewsMenu'));

const useStyles = makeStyles({
  // The menu button sits beside the tab list, not in it: a tab list may hold only tabs.
  row: { display: 'flex', alignItems: 'center', minWidth: 0, overflow: 'hidden' },
  list: { flexWrap: 'nowrap', minWidth: 0 },
});

interface Props {
  selected: string;
  onSelect: (view: string) => void;
}

/**
 * The views as tabs. On a narrow screen (Teams mobile, a side panel) the tabs that do not fit go
 * into a "More views" menu, and the open view's tab always stays in sight.
 */
export function ViewTabs({ selected, onSelect }: Props) {
  const styles = useStyles();
  const t = useT();
  return (
    <Overflow minimumVisible={1}>
      <div className={styles.row}>
        <TabList
          className={styles.list}
          selectedValue={selected}
          onTabSelect={(_, d) => onSelect(String(d.value))}
        >
          {VIEWS.map((v) => (
            <OverflowItem key={v.id} id={v.id} priority={v.id === selected ? 2 : 1}>
              <Tab value={v.id} id={`tab-${v.id}`} aria-controls="view-panel">
                {t(v.label)}
              </Tab>
            </OverflowItem>
          ))}
        </TabList>
        <MoreViews onSelect={onSelect} />
      </div>
    </Overflow>
  );
}

function MoreViews({ onSelect }: { onSelect: (view: string) => void }) {
  const { ref, isOverflowing } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Suspense fallback={null}>
      <MoreViewsMenu triggerRef={ref} onSelect={onSelect} />
    </Suspense>
  );
}
