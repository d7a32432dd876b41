import { Body1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

type Block = { kind: 'paragraph'; lines: string[] } | { kind: 'list'; items: string[] };

/**
 * Splits an agreement's plain text into paragraphs (blank lines between them, line breaks kept)
 * and lists (lines starting with "- "). Nothing else is read as markup.
 */
function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | undefined;
  for (const line of text.split(/\r?\n/)) {
    const item = /^\s*- (.*)$/.exec(line);
    if (item) {
      if (open?.kind !== 'list') blocks.push((open = { kind: 'list', items: [] }));
      open.items.push(item[1]);
    } else if (line.trim() === '') {
      open = undefined;
    } else {
      if (open?.kind !== 'paragraph') blocks.push((open = { kind: 'paragraph', lines: [] }));
      open.lines.push(line);
    }
  }
  return blocks;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    overflowWrap: 'anywhere',
  },
  paragraph: { margin: 0, whiteSpace: 'pre-wrap' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

interface Props {
  text: string;
  className?: string;
  'data-testid'?: string;
}

/** An agreement's text with its paragraphs and lists; every word is shown as typed (React escapes it). */
export function AgreementText({ text, className, ...rest }: Props) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.root, className)} {...rest}>
      {textBlocks(text).map((block, i) =>
        block.kind === 'list' ? (
          <ul key={i} className={styles.list}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Body1>{item}</Body1>
              </li>
            ))}
          </ul>
        ) : (
          <Body1 key={i} as="p" className={styles.paragraph}>
            {block.lines.join('\n')}
          </Body1>
        ),
      )}
    </div>
  );
}
