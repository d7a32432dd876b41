import { Card, mergeClasses, Subtitle2 } from '@fluentui/react-components';
import { useId, type ComponentProps, type ReactNode } from 'react';
import { useLayoutStyles } from '../layout-styles';
import { useHeadingStyles } from '../views/heading-styles';

type Props = Omit<ComponentProps<typeof Card>, 'role' | 'aria-labelledby' | 'title'> & {
  /** The card's heading (an h4), which names it for screen readers. */
  title: ReactNode;
  /** Beside the title, on its line while they fit: status badges. */
  badges: ReactNode;
  /** The heading's id and classes; give it an id to move focus to it. */
  heading?: { id?: string; className?: string; tabIndex?: number };
};

/** A card that is an article, named by its heading, with the heading and its badges on one row. */
export function ArticleCard({ title, badges, heading = {}, children, ...card }: Props) {
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const ownId = useId();
  const headingId = heading.id ?? ownId;
  return (
    <Card {...card} role="article" aria-labelledby={headingId}>
      <div className={layout.centeredRow}>
        <Subtitle2
          as="h4"
          id={headingId}
          tabIndex={heading.tabIndex}
          className={mergeClasses(headings.root, heading.className)}
        >
          {title}
        </Subtitle2>
        {badges}
      </div>
      {children}
    </Card>
  );
}
