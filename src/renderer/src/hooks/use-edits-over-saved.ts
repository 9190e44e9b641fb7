// The CSM's edits of a form, lying over the saved values they change. The form is not drawn anew when fresh saved
// values arrive (main's `changed` event refetches after a save, here or elsewhere): what is typed while a save is
// on its way stays, and a save from elsewhere shows in the fields the CSM has not touched. When fresh values
// arrive, `release` drops the edits they now hold. It runs while rendering (React's "adjusting state when a prop
// changes"; an effect would run a render late, with a stale copy of the edit, and lost a keystroke landing in the
// same tick) and as a functional update, so an edit made in the same tick is not overwritten.
import { useState, type Dispatch, type SetStateAction } from 'react';

export function useEditsOverSaved<S, E>(saved: S, initial: E, release: (edit: E, saved: S) => E): [E, Dispatch<SetStateAction<E>>] {
  const [edit, setEdit] = useState<E>(initial);
  const [seen, setSeen] = useState(saved);
  if (seen !== saved) {
    setSeen(saved);
    setEdit((e) => release(e, saved));
  }
  return [edit, setEdit];
}
