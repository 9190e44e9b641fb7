// Why a touchpoint or survey form will not save, in one line below its row (issue #16, point 4): the forms are never
// disabled, so a press that cannot save says what is missing instead of doing nothing. Below the row rather than
// under one field, so the fields and the button stay in line; the field at fault points here with aria-errormessage
// (Mantine sets aria-describedby itself, from its own error and description).
import { Text } from '@mantine/core';

export function Refusal({ id, message }: { id: string; message: string }) {
  return (
    <Text size="sm" c="red" mt={6} id={id} role="alert" data-testid={id}>
      {message}.
    </Text>
  );
}

/** The props that mark `field` as the one at fault when the form refused because of it, pointing at the refusal. */
export function faultProps(why: { field: string } | null | undefined, field: string, id: string): { error: boolean; 'aria-errormessage'?: string } {
  return why?.field === field ? { error: true, 'aria-errormessage': id } : { error: false };
}
