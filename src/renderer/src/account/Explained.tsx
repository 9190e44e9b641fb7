// "Every number opens to its explanation" (issue #5): a figure drawn as a dotted-underlined button that opens a
// popover saying what it counts and where it comes from. Click (or Enter) rather than hover, so it also works
// from the keyboard and stays open while the CSM reads it.
import { Popover, Text, UnstyledButton, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props extends Pick<TextProps, 'size' | 'fw' | 'c'> {
  children: ReactNode;
  /** What the number is and how it was worked out. */
  explanation: ReactNode;
  testId?: string;
}

export function Explained({ children, explanation, size = 'sm', fw, c, testId }: Props) {
  return (
    <Popover width={320} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <UnstyledButton
          data-testid={testId}
          style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3, cursor: 'help' }}
          aria-label={typeof children === 'string' ? `${children}: explain` : undefined}
        >
          <Text span size={size} fw={fw} c={c} inherit={false}>
            {children}
          </Text>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        {typeof explanation === 'string' ? <Text size="sm">{explanation}</Text> : explanation}
      </Popover.Dropdown>
    </Popover>
  );
}
