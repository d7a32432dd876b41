import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The layouts every view repeats, kept in one place so that the views stay alike: columns whose
 * gap spaces their children (headings carry no margins, see views/heading-styles), lists of cards,
 * indented lists of short lines, raised panels, a callout (what happens next, with its action),
 * rows of buttons, a row centred on one line (a title with its badges, a badge with its actions),
 * removable chips (a quiet day, a person), a view's title with its action, the terms of a
 * description list, secondary text, text as a person wrote it, an intro kept to a readable width,
 * a spacer that takes the room left in a row, a block wider than the column (a table) that
 * scrolls sideways, and a table's columns of numbers.
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
  // A view's title with what acts on the whole view (a button, a period), apart on one line.
  viewHeader: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  definition: { margin: 0 },
  // Line breaks kept as typed; a long word or link wraps rather than widening the page.
  writtenText: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  intro: { maxWidth: '70ch' },
  grow: { flexGrow: 1 },
  scrollX: { overflowX: 'auto' },
  // A table's numbers line up at the end, their header too.
  numeric: { textAlign: 'end' },
  numericHeader: { '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
});
