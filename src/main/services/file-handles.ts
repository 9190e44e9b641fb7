// The files and folders the CSM chose (issue #13). No API method takes a path: a host (the desktop shell's OS
// dialog or drop, the web host's upload) registers what the CSM gave it here and hands the page an opaque handle;
// the methods that read a file resolve the handle. A handle is random, lives as long as the run, and names one
// regular file (or folder) by its real path; a symbolic link is refused when chosen, and a file swapped for
// another (or for a link) since it was chosen is refused when used.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ChosenFile } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { notAFile } from '../import/file-check';
import type { ServiceContext } from './context';

export type ChosenKind = 'file' | 'folder';

interface Entry {
  path: string;
  name: string;
  kind: ChosenKind;
  /** An upload the web host wrote into a folder of its own: that folder is deleted once imported or discarded. */
  uploadFolder: string | null;
  dev: number;
  ino: number;
}

export interface Chosen {
  path: string;
  name: string;
  kind: ChosenKind;
  temporary: boolean;
}

function refuseLink(file: string): never {
  throw new AppError(
    'symlink_refused',
    `${path.basename(file)} is a shortcut (a symbolic link) to another file: Bearing opens only the file itself. Choose the file it points to.`,
  );
}

function unknownHandle(kind: ChosenKind): AppError {
  return kind === 'folder'
    ? new AppError('unknown_folder', 'Bearing does not know this folder: choose it with Add folder….')
    : new AppError('unknown_file', 'Bearing does not know this file: choose it with Choose files… or drop it on the window.');
}

export class FileHandles {
  private readonly entries = new Map<string, Entry>();

  /**
   * For hosts only (never reachable from the API): the file or folder the OS dialog, a drop or an upload gave.
   * The path must be absolute; its last part must not be a symbolic link; it is kept by its real path.
   */
  add(file: string, options: { kind?: ChosenKind; name?: string; uploadFolder?: string } = {}): ChosenFile {
    const kind = options.kind ?? 'file';
    if (typeof file !== 'string' || !path.isAbsolute(file)) throw unknownHandle(kind);
    let link: fs.Stats;
    try {
      link = fs.lstatSync(file);
    } catch {
      throw new AppError('file_not_found', `Bearing cannot find ${path.basename(file)}. Was it moved or renamed?`);
    }
    if (link.isSymbolicLink()) refuseLink(file);
    const real = fs.realpathSync(file);
    const stat = fs.statSync(real);
    if (kind === 'file' && !stat.isFile()) throw notAFile(path.basename(file), stat);
    if (kind === 'folder' && !stat.isDirectory()) throw new AppError('not_a_folder', `${path.basename(file)} is not a folder.`);
    const handle = `fh_${crypto.randomBytes(24).toString('base64url')}`;
    const name = options.name ?? path.basename(real);
    this.entries.set(handle, { path: real, name, kind, uploadFolder: options.uploadFolder ?? null, dev: stat.dev, ino: stat.ino });
    return { file: handle, name, sizeBytes: kind === 'file' ? stat.size : 0 };
  }

  /** The chosen file behind a handle, checked again now: still there, still the same file, still no link. */
  resolve(handle: string, kind: ChosenKind = 'file'): Chosen {
    const entry = this.entries.get(handle);
    if (!entry || entry.kind !== kind) throw unknownHandle(kind);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(entry.path);
    } catch {
      throw new AppError('file_not_found', `Bearing cannot find ${entry.name} any more. Was it moved or renamed?`);
    }
    if (stat.isSymbolicLink()) refuseLink(entry.path);
    if (stat.dev !== entry.dev || stat.ino !== entry.ino || (kind === 'file' ? !stat.isFile() : !stat.isDirectory())) {
      throw new AppError('file_changed', `${entry.name} was replaced by another file since it was chosen: choose it again.`);
    }
    return { path: entry.path, name: entry.name, kind: entry.kind, temporary: entry.uploadFolder !== null };
  }

  /** Forgets a handle; an upload's copy is deleted with its folder. */
  release(handle: string): boolean {
    const entry = this.entries.get(handle);
    if (!entry) return false;
    this.entries.delete(handle);
    if (entry.uploadFolder) fs.rmSync(entry.uploadFolder, { recursive: true, force: true });
    return true;
  }

  /** Every upload still held (at shutdown): deleted. */
  releaseAll(): void {
    for (const handle of [...this.entries.keys()]) this.release(handle);
  }
}

const registries = new Map<string, FileHandles>();

/**
 * The one registry of a data folder: the hosts register into it, the services resolve from it. Keyed by the
 * folder, not the open book, so a host can wire it before the book opens (in recovery) and keep it after.
 */
export function fileHandles(ctx: Pick<ServiceContext, 'dataDir'>): FileHandles {
  let registry = registries.get(ctx.dataDir);
  if (!registry) registries.set(ctx.dataDir, (registry = new FileHandles()));
  return registry;
}
