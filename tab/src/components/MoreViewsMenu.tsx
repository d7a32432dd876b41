import {
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  useIsOverflowItemVisible,
} from '@fluentui/react-components';
import type { Ref } from 'react';
import { VIEWS, type ViewDefinition } from '../views/registry';
import { useT } from '../i18n/use-t';

interface Props {
  /** The overflow's own ref, so that it counts the button's width. */
  triggerRef: Ref<HTMLButtonElement>;
  onSelect: (view: string) => void;
}

/**
 * The views whose tabs did not fit, as a menu. A chunk of its own: the menu's code loads only on
 * screens too narrow for every tab.
 */
export default function MoreViewsMenu({ triggerRef, onSelect }: Props) {
  const t = useT();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton ref={triggerRef} appearance="transparent" aria-label={t('tab.shell.moreViews')}>
          {t('tab.shell.more')}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {VIEWS.map((v) => (
            <HiddenView key={v.id} view={v} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** A menu entry for a view whose tab did not fit. */
function HiddenView({ view, onSelect }: { view: ViewDefinition; onSelect: (id: string) => void }) {
  const t = useT();
  if (useIsOverflowItemVisible(view.id)) return null;
  return <MenuItem onClick={() => onSelect(view.id)}>{t(view.label)}</MenuItem>;
}
