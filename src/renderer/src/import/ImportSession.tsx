// The files being imported and the progress of every import job, kept above the screens so that leaving the
// Import screen mid-import loses nothing, and so a finished job (also from a watched folder) is announced on
// any screen.
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { PickedFile } from '../../../shared/bridge';
import type { ImportKind, ImportProgress, Mapping } from '../../../shared/contract';
import { ClientError, call, chooseFile, on } from '../api/client';
import { finishedEntry, newEntry, type FileEntry } from './file-entry';
import { announceFinished, isFinished } from './announce';
import { eventFeaturesInput, keepChoices, type EventChoices } from './event-choices';

export interface ImportSession {
  entries: FileEntry[];
  /** Progress of every job this page has heard of, by job id (finished ones keep their summary). */
  progress: Record<string, ImportProgress>;
  addFiles(files: readonly File[]): void;
  /** Files chosen in the desktop app's OS dialog: main already holds them and answered a handle (or a refusal). */
  addPicked(picked: readonly PickedFile[]): void;
  chooseKind(key: string, kind: ImportKind): void;
  mapField(key: string, field: string, header: string | null): void;
  /** Changes the CSM's choices for the file's unknown event names (sent with the import). */
  chooseEvents(key: string, change: (choices: EventChoices) => EventChoices): void;
  retry(key: string): void;
  start(key: string): Promise<void>;
  /** Imports a finished file again with the book open, adding the accounts it left out (accountsNotInBook). */
  addLeftOutAccounts(key: string): Promise<void>;
  dismiss(key: string): void;
  /** Removes the cards of finished imports and of files that could not be read. */
  clearFinished(): void;
}

const Context = createContext<ImportSession | null>(null);

export function useImportSession(): ImportSession {
  const session = use(Context);
  if (!session) throw new Error('useImportSession needs an ImportSessionProvider above it');
  return session;
}

function asClientError(error: unknown): ClientError {
  return error instanceof ClientError ? error : new ClientError({ code: 'internal', message: String(error) });
}

export function ImportSessionProvider({ children }: { children: ReactNode }) {
  const [entries, setEntries] = useState<FileEntry[]>([]);
  const [progress, setProgress] = useState<Record<string, ImportProgress>>({});
  const nextKey = useRef(0);
  // The latest request per file: an older answer arriving late must not replace a newer preview.
  const requests = useRef(new Map<string, number>());
  const entriesRef = useRef(entries);
  const progressRef = useRef(progress);
  useEffect(() => {
    entriesRef.current = entries;
    progressRef.current = progress;
  }, [entries, progress]);

  const update = useCallback((key: string, change: Partial<FileEntry> | ((e: FileEntry) => Partial<FileEntry>)) => {
    setEntries((all) => all.map((e) => (e.key === key ? { ...e, ...(typeof change === 'function' ? change(e) : change) } : e)));
  }, []);

  const inspect = useCallback(
    async (key: string, file: string, choice: { kind?: ImportKind; mapping?: Mapping }) => {
      const request = (requests.current.get(key) ?? 0) + 1;
      requests.current.set(key, request);
      try {
        const inspection = await call('import.inspect', { file, ...choice });
        if (requests.current.get(key) !== request) return;
        update(key, (e) => ({
          stage: e.stage === 'inspecting' || e.stage === 'unreadable' ? 'ready' : e.stage,
          inspection,
          mapping: inspection.mapping,
          mappingEdited: choice.mapping !== undefined,
          eventFeatures: keepChoices(inspection.unknownEvents, e.eventFeatures),
          sizeBytes: inspection.sizeBytes,
          refreshing: false,
          error: null,
        }));
      } catch (caught) {
        if (requests.current.get(key) !== request) return;
        const error = asClientError(caught);
        update(key, (e) => ({ stage: e.inspection ? e.stage : 'unreadable', refreshing: false, error }));
      }
    },
    [update],
  );

  const add = useCallback(
    (items: { fileName: string; sizeBytes: number | null; picked?: PickedFile['result']; file?: File }[]) => {
      const added = items.map((item) => ({ ...item, key: `file-${++nextKey.current}` }));
      const handleOf = (item: (typeof added)[number]) => (item.picked?.ok ? item.picked.value.file : null);
      setEntries((all) => [...added.map((a) => newEntry(a.key, a.fileName, a.sizeBytes, handleOf(a))), ...all]);
      for (const item of added) {
        void (async () => {
          if (item.picked && !item.picked.ok) {
            update(item.key, { stage: 'unreadable', error: item.picked.error });
            return;
          }
          let handle = handleOf(item);
          if (!handle && item.file) {
            try {
              const chosen = await chooseFile(item.file);
              handle = chosen.file;
              update(item.key, { file: handle, sizeBytes: chosen.sizeBytes, stage: 'inspecting' });
            } catch (caught) {
              update(item.key, { stage: 'unreadable', error: asClientError(caught) });
              return;
            }
          }
          if (handle) await inspect(item.key, handle, {});
        })();
      }
    },
    [inspect, update],
  );

  const addFiles = useCallback(
    (files: readonly File[]) => add(files.map((file) => ({ fileName: file.name, sizeBytes: file.size, file }))),
    [add],
  );
  const addPicked = useCallback(
    (picked: readonly PickedFile[]) =>
      add(picked.map(({ name, result }) => ({ fileName: result.ok ? result.value.name : name, sizeBytes: result.ok ? result.value.sizeBytes : null, picked: result }))),
    [add],
  );

  const withEntry = useCallback((key: string, action: (entry: FileEntry) => void) => {
    const entry = entriesRef.current.find((e) => e.key === key);
    if (entry) action(entry);
  }, []);

  const chooseKind = useCallback(
    (key: string, kind: ImportKind) =>
      withEntry(key, (entry) => {
        if (!entry.file) return;
        update(key, { refreshing: true });
        void inspect(key, entry.file, { kind });
      }),
    [withEntry, update, inspect],
  );

  const mapField = useCallback(
    (key: string, field: string, header: string | null) =>
      withEntry(key, (entry) => {
        if (!entry.file || !entry.inspection) return;
        const mapping = { ...entry.mapping, [field]: header };
        update(key, { mapping, mappingEdited: true, refreshing: true });
        void inspect(key, entry.file, { kind: entry.inspection.kind, mapping });
      }),
    [withEntry, update, inspect],
  );

  const chooseEvents = useCallback(
    (key: string, change: (choices: EventChoices) => EventChoices) => update(key, (e) => ({ eventFeatures: change(e.eventFeatures) })),
    [update],
  );

  const retry = useCallback(
    (key: string) =>
      withEntry(key, (entry) => {
        if (!entry.file) return;
        update(key, { stage: 'inspecting', error: null });
        void inspect(key, entry.file, {});
      }),
    [withEntry, update, inspect],
  );

  const run = useCallback(
    async (entry: FileEntry, options: { onlyBookAccounts?: boolean }) => {
      if (!entry.file || !entry.inspection) return;
      update(entry.key, { stage: 'starting', error: null });
      try {
        const { jobId } = await call('import.start', {
          file: entry.file,
          kind: entry.inspection.kind,
          mapping: entry.mapping,
          eventFeatures: eventFeaturesInput(entry.eventFeatures),
          ...options,
        });
        update(entry.key, { stage: 'started', jobId });
      } catch (caught) {
        update(entry.key, { stage: 'ready', error: asClientError(caught) });
      }
    },
    [update],
  );

  const start = useCallback(
    async (key: string) => {
      const entry = entriesRef.current.find((e) => e.key === key);
      if (entry?.stage === 'ready') await run(entry, {});
    },
    [run],
  );

  const addLeftOutAccounts = useCallback(
    async (key: string) => {
      const entry = entriesRef.current.find((e) => e.key === key);
      if (entry?.stage === 'started' && entry.jobId && progressRef.current[entry.jobId]?.summary) await run(entry, { onlyBookAccounts: false });
    },
    [run],
  );

  // A card set aside: main forgets its handle (and deletes an uploaded copy it still keeps). Not while a job
  // reads the file: main releases an upload itself once imported.
  const discard = useCallback((entries: readonly FileEntry[]) => {
    for (const entry of entries) {
      const running = entry.jobId !== null && progressRef.current[entry.jobId]?.summary == null;
      if (entry.file && !running) void call('import.discard', { file: entry.file }).catch(() => undefined);
    }
  }, []);

  const dismiss = useCallback(
    (key: string) => {
      requests.current.delete(key);
      discard(entriesRef.current.filter((e) => e.key === key));
      setEntries((all) => all.filter((e) => e.key !== key));
    },
    [discard],
  );

  const clearFinished = useCallback(() => {
    discard(entriesRef.current.filter((e) => finishedEntry(e, progressRef.current)));
    setEntries((all) => all.filter((e) => !finishedEntry(e, progressRef.current)));
  }, [discard]);

  // Every job's progress, including watched-folder and CLI imports; a finished job is announced once (the demo
  // book's files are not: loading it says so itself).
  useEffect(() => {
    const announced = new Set<string>();
    const record = (p: ImportProgress) => {
      setProgress((all) => ({ ...all, [p.jobId]: p }));
      if (isFinished(p) && p.origin !== 'demo' && !announced.has(p.jobId)) {
        announced.add(p.jobId);
        announceFinished(p);
      }
    };
    const unsubscribe = on('import.progress', record);
    let current = true;
    // Jobs already running when the page opened (a watched folder, a reload mid-import); events then take over.
    call('import.jobs', {}).then(
      (running) => {
        if (!current) return;
        setProgress((all) => {
          const next = { ...all };
          for (const p of running) next[p.jobId] ??= p;
          return next;
        });
      },
      () => undefined, // Only a head start: the events carry the same progress.
    );
    return () => {
      current = false;
      unsubscribe();
    };
  }, []);

  const session = useMemo<ImportSession>(
    () => ({ entries, progress, addFiles, addPicked, chooseKind, mapField, chooseEvents, retry, start, addLeftOutAccounts, dismiss, clearFinished }),
    [entries, progress, addFiles, addPicked, chooseKind, mapField, chooseEvents, retry, start, addLeftOutAccounts, dismiss, clearFinished],
  );
  return <Context value={session}>{children}</Context>;
}
