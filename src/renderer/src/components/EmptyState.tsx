// "Nothing here yet", one look everywhere (an empty book, an account that is gone, a tab with nothing logged, no
// imports): an icon in a soft circle, what is missing, what to do next, and the buttons that do it.
import { Center, EmptyState as MantineEmptyState } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props {
  icon: Icon;
  title: string;
  description: string;
  /** The next step's buttons or links; none where the description says which key to press. */
  actions?: ReactNode;
  testId: string;
  /** Fill the screen and centre in it (a whole screen that is empty), instead of a padded block within a page. */
  fill?: boolean;
}

export function EmptyState({ icon: Indicator, title, description, actions, testId, fill = false }: Props) {
  return (
    <Center {...(fill ? { flex: 1 } : { py: 'xl' })} data-testid={testId}>
      <MantineEmptyState maw={520} icon={<Indicator size={32} stroke={1.5} />} withIndicatorBackground title={title} description={description}>
        {actions && <MantineEmptyState.Actions>{actions}</MantineEmptyState.Actions>}
      </MantineEmptyState>
    </Center>
  );
}
