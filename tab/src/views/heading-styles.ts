import { makeStyles, typographyStyles } from '@fluentui/react-components';

/**
 * Headings inside the views' flex columns: the columns' gaps space them, so the browser's
 * default heading margins go. A heading that a view focuses (after opening a page or when the
 * button that was pressed is gone) shows no focus ring: it is a landmark for screen readers,
 * not a control. `view` is a view's own title (its h2), which views focus too.
 */
export const useHeadingStyles = makeStyles({
  root: { margin: 0 },
  target: { margin: 0, ':focus': { outlineStyle: 'none' } },
  view: { ...typographyStyles.title3, margin: 0, ':focus': { outlineStyle: 'none' } },
});
