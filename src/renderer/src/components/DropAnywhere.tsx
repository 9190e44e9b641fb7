import { Group, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import classes from './drop-anywhere.module.css';

interface Props {
  onDrop: (files: File[]) => void;
}

/** Whether a drag carries files from the file manager (not text or a link dragged within the page). */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * The CSM can drop exports on any screen, the Import screen included. Without this, a file dropped on the page
 * would make the browser open it in place of the app. Every file is accepted here: main reads it and explains
 * a wrong one (an image, an Excel workbook) in words a silent refusal could not. Only drags that carry files
 * show the overlay.
 *
 * Plain HTML drag-and-drop on the window. Each element the pointer crosses sends dragenter to the new one before
 * dragleave from the old, so the overlay counts them and hides only when the count is back to zero (a single
 * flag would flicker as the drag crosses elements, and would hide as soon as the overlay itself appears).
 */
export function DropAnywhere({ onDrop }: Props) {
  const [active, setActive] = useState(false);
  const onDropRef = useRef(onDrop);
  useEffect(() => {
    onDropRef.current = onDrop;
  }, [onDrop]);

  useEffect(() => {
    let depth = 0;
    const reset = () => {
      depth = 0;
      setActive(false);
    };
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setActive(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser refuses the drop, or opens the file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      if (depth === 0) return;
      depth -= 1;
      if (depth === 0) setActive(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      reset();
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) onDropRef.current(files);
    };
    const listeners = { dragenter: enter, dragover: over, dragleave: leave, drop, dragend: reset } as const;
    for (const [type, listener] of Object.entries(listeners)) window.addEventListener(type, listener as EventListener);
    return () => {
      for (const [type, listener] of Object.entries(listeners)) window.removeEventListener(type, listener as EventListener);
    };
  }, []);

  return (
    <div className={classes.overlay} data-active={active || undefined} aria-hidden={!active} data-testid="drop-anywhere">
      <div className={classes.zone}>
        <Group justify="center" wrap="nowrap">
          <IconUpload size={52} stroke={1.5} color="var(--mantine-primary-color-filled)" />
          <Stack gap={4}>
            <Text size="xl">Drop to import</Text>
            <Text size="sm" c="dimmed">
              Usage events or accounts, as CSV or TSV files. Each file is checked before anything is saved.
            </Text>
          </Stack>
        </Group>
      </div>
    </div>
  );
}
