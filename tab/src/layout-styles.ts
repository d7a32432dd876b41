import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The layouts every view repeats, kept in one place so that the views stay alike: columns whose
 * gap spaces their children (headings carry no margins, see views/heading-styles), lists of cards,
 * indented lists of short lines, raised panels, a callout (what happens next, with its action),
 * rows of buttons, a row centred on one line (a title with its badges, a badge with its actions),
 * removable chips (a quiet day, a person), the terms of a description list and secondary text.
 */
export const useLayoutStyles = makeStyles({
  columnS: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  columnM: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  columnL: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  columnXL: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  cards: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  lines: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  callout: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  rowS: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  rowM: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  centeredRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  chip: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  definition: { margin: 0 },
});
