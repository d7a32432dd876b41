import { Button } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { useSession } from '../../session-context';
import { openTeamsLink } from '../../teams';

interface Props {
  /** A Teams deep link (https://teams.microsoft.com/l/…). */
  href: string;
  appearance?: 'primary' | 'secondary';
  children: ReactNode;
}

/**
 * A Teams deep link as a button. Inside Teams the host opens it in place (teams-js
 * `app.openLink`); in a browser it is an ordinary link that opens Teams on the web in a new tab.
 */
export function TeamsLinkButton({ href, appearance = 'secondary', children }: Props) {
  const { inTeams } = useSession();
  const open = (event: MouseEvent) => {
    if (!inTeams) return;
    event.preventDefault();
    openTeamsLink(href).catch(() => window.open(href, '_blank', 'noopener,noreferrer'));
  };
  return (
    <Button
      as="a"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      appearance={appearance}
      onClick={open}
    >
      {children}
    </Button>
  );
}
