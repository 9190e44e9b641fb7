// The application menu, as a pure template so it is tested without Electron. It follows each OS's convention:
// on macOS the app menu (About, Settings…, Services, Hide, Quit) and a Window menu with "Bring All to Front";
// elsewhere Settings and Quit live in File and About in Help. Reload and developer tools appear only in
// development, where they help; in a shipped app a reload would only lose the CSM's place.
import type { MenuCommand } from '../../shared/bridge';

export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'window'
  | 'help';

/** The subset of Electron's MenuItemConstructorOptions the template uses. */
export interface MenuItemTemplate {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export interface MenuOptions {
  /** Show reload and developer tools (unpackaged runs). */
  dev?: boolean;
  appName?: string;
}

const separator: MenuItemTemplate = { type: 'separator' };

export function menuTemplate(
  platform: NodeJS.Platform,
  send: (command: MenuCommand) => void,
  options: MenuOptions = {},
): MenuItemTemplate[] {
  const mac = platform === 'darwin';
  const appName = options.appName ?? 'Bearing';
  const importItem: MenuItemTemplate = { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => send('import') };
  const settingsItem: MenuItemTemplate = {
    label: mac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: () => send('settings'),
  };

  const appMenu: MenuItemTemplate = {
    label: appName,
    submenu: [
      { role: 'about' },
      separator,
      settingsItem,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemTemplate = {
    label: 'File',
    submenu: mac ? [importItem, separator, { role: 'close' }] : [importItem, separator, settingsItem, separator, { role: 'quit' }],
  };

  const editMenu: MenuItemTemplate = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } satisfies MenuItemTemplate] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };

  const devItems: MenuItemTemplate[] = options.dev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
    : [];
  const viewMenu: MenuItemTemplate = {
    label: 'View',
    submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }],
  };

  const windowMenu: MenuItemTemplate = {
    label: 'Window',
    role: 'window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const helpItem: MenuItemTemplate = { label: `${appName} Help`, click: () => send('help') };
  const helpMenu: MenuItemTemplate = {
    label: 'Help',
    role: 'help',
    submenu: mac ? [helpItem] : [helpItem, separator, { role: 'about' }],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
