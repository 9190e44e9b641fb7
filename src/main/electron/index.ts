// The desktop shell (electron-vite's main entry): app lifecycle, the window, the menu, and binding the API
// contract to IPC. Thin on purpose: the store and every rule live in openBackend, shared with the web host
// and the CLI. Built to out/main/index.js; the preload to out/preload/index.cjs; the page to out/renderer.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  session,
  shell,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
} from 'electron';
import type { Api } from '../api/api';
import { openApp, type AppHandle } from '../app/recovery';
import { MigrationError } from '../db/open';
import { AppError } from '../../shared/errors';
import { fileHandles } from '../services/file-handles';
import type { PickPurpose } from '../../shared/bridge';
import { devOverrides } from './dev-overrides';
import { bindContract, bindHostCapabilities, forwardEvents, realFileInside, sendMenuCommand, trustedFrame } from './ipc';
import { menuTemplate } from './menu';
import { startReminders } from './reminder-scheduler';
import {
  appUrlMatcher,
  applyContentSecurityPolicy,
  denyPermissions,
  hardenWebContents,
  secureWebPreferences,
} from './security';

const APP_NAME = 'Bearing';
const here = import.meta.dirname;
// Read once, before anything else: a packaged app ignores both variables (see dev-overrides.ts).
const dev = devOverrides(process.env, app.isPackaged);
const devServerUrl = dev.rendererUrl;
const rendererFile = path.join(here, '../renderer/index.html');
const preloadFile = path.join(here, '../preload/index.cjs');
const isAppUrl = appUrlMatcher(devServerUrl ?? pathToFileURL(rendererFile).href);
const isTrustedFrame = trustedFrame(isAppUrl);

app.setName(APP_NAME);
// The folder src/main/db/data-dir.ts computes too, so the CLI, `npm run web` and the desktop app share one book
// whatever the package is called.
app.setPath('userData', path.join(app.getPath('appData'), APP_NAME));
const dataDir = process.env.BEARING_DATA_DIR ? path.resolve(process.env.BEARING_DATA_DIR) : app.getPath('userData');

let opened: AppHandle | null = null;
let mainWindow: BrowserWindow | null = null;

function createWindow(api: Api): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: APP_NAME,
    show: false,
    webPreferences: secureWebPreferences(preloadFile),
  });
  // Shown once painted, so the CSM never sees an empty white frame.
  win.once('ready-to-show', () => win.show());
  const stopEvents = forwardEvents(api, win.webContents);
  win.on('closed', () => {
    stopEvents();
    if (mainWindow === win) mainWindow = null;
  });
  void (devServerUrl ? win.loadURL(devServerUrl) : win.loadFile(rendererFile));
  mainWindow = win;
  return win;
}

const PICK_FILTERS: Record<PickPurpose, OpenDialogOptions> = {
  import: {
    title: 'Import CSV files',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'CSV files', extensions: ['csv', 'tsv', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
  logo: {
    title: 'Choose the logo for your QBR decks',
    buttonLabel: 'Use as logo',
    properties: ['openFile'],
    filters: [{ name: 'Images', extensions: ['png', 'jpg', 'jpeg'] }],
  },
};

async function showOpenDialog(event: IpcMainInvokeEvent, options: OpenDialogOptions): Promise<string[]> {
  const owner = BrowserWindow.fromWebContents(event.sender);
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

const pickFiles = (event: IpcMainInvokeEvent, purpose: PickPurpose) => showOpenDialog(event, PICK_FILTERS[purpose]);

/** A copy of a built deck where the CSM chose in the Save dialog (which asked before replacing a file there). */
async function saveDeck(decksDir: string, event: IpcMainInvokeEvent, fileName: string): Promise<string | null> {
  const source = path.join(decksDir, fileName);
  if (!fs.lstatSync(source, { throwIfNoEntry: false })?.isFile()) {
    throw new AppError('not_found', `${fileName} is no longer in Bearing's decks folder: build it again.`);
  }
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const options = {
    title: 'Save the QBR deck',
    defaultPath: path.join(app.getPath('documents'), fileName),
    filters: [{ name: ext === 'pdf' ? 'PDF' : 'PowerPoint', extensions: [ext] }],
  };
  const owner = BrowserWindow.fromWebContents(event.sender);
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  fs.copyFileSync(source, result.filePath);
  return result.filePath;
}

async function pickFolder(event: IpcMainInvokeEvent): Promise<string | null> {
  const [folder] = await showOpenDialog(event, { title: 'Watch a folder for new exports', buttonLabel: 'Watch', properties: ['openDirectory'] });
  return folder ?? null;
}

function startupErrorText(error: unknown): { message: string; detail: string } {
  if (error instanceof MigrationError) {
    return { message: 'Bearing could not update its database.', detail: `${error.message}\n\nData folder: ${dataDir}` };
  }
  const reason = error instanceof Error ? error.message : String(error);
  // The driver built for plain Node cannot load in Electron: say how to get the right one.
  const abiHint = /NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(reason)
    ? '\n\nThe database driver was built for Node rather than Electron: start Bearing with `npm start`.'
    : '';
  return { message: 'Bearing could not open its database.', detail: `${reason}${abiHint}\n\nData folder: ${dataDir}` };
}

/**
 * Explains why the app cannot start and offers the data folder; the database file is left exactly as it was.
 * A database that cannot be opened is not such a case: the window opens on the recovery screen instead.
 */
async function showStartupError(error: unknown): Promise<void> {
  const { message, detail } = startupErrorText(error);
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: APP_NAME,
    message,
    detail,
    buttons: ['Quit', 'Show Data Folder'],
    defaultId: 0,
    cancelId: 0,
  });
  if (response === 1) await shell.openPath(dataDir);
}

function installMenu(): void {
  const send = (command: Parameters<typeof sendMenuCommand>[1]) =>
    sendMenuCommand((BrowserWindow.getFocusedWindow() ?? mainWindow)?.webContents, command);
  const template = menuTemplate(process.platform, send, { dev: !app.isPackaged, appName: APP_NAME });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  denyPermissions(session.defaultSession);
  applyContentSecurityPolicy(session.defaultSession);
  let handle: AppHandle;
  try {
    handle = openApp({
      host: 'electron',
      dataDir,
      nativeBinding: dev.nativeBinding,
      demoOnFirstStart: true,
      watchFolders: true,
    });
  } catch (error) {
    await showStartupError(error);
    app.exit(1);
    return;
  }
  opened = handle;
  bindContract(ipcMain, handle.api, isTrustedFrame);
  const decksDir = path.join(handle.dataDir, 'decks');
  bindHostCapabilities<IpcMainInvokeEvent>(ipcMain, isTrustedFrame, {
    pickFiles,
    pickFolder,
    files: fileHandles(handle),
    saveDeck: (event, fileName) => saveDeck(decksDir, event, fileName),
    // Only decks Bearing built: the page must not be able to open arbitrary files through the OS. A link in the
    // decks folder is refused (the OS would open whatever it points to); the folder's own path is resolved
    // before the check, and the real file is what gets opened.
    openDeck: async (file) => {
      const real = fs.lstatSync(file, { throwIfNoEntry: false })?.isFile() === true ? realFileInside(decksDir, file) : null;
      return real !== null && (await shell.openPath(real)) === '';
    },
  });
  installMenu();
  createWindow(handle.api);
  const api = handle.api;
  const reminders = startReminders({
    api,
    now: () => Date.now(),
    setTimer: (fire, ms) => setTimeout(fire, ms),
    clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
    notify: ({ title, body, onClick }) => {
      if (!Notification.isSupported()) return;
      const n = new Notification({ title, body });
      n.on('click', onClick);
      n.show();
    },
    // Home is the route #/home: the window comes up (or back) on it.
    openHome: () => {
      const win = mainWindow ?? createWindow(api);
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
      void win.webContents.executeJavaScript("location.hash = '#/home'");
    },
  });
  app.on('will-quit', () => reminders.stop());
  // At start: a reminder missed while the app was closed is shown now, once.
  void reminders.check().catch(() => undefined);
}

// One running copy per user: two would race on the same database and show two different books.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Every web contents, not only the main window's, so nothing the page spawns escapes the rules.
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { isAppUrl, openExternal: (url) => shell.openExternal(url) }),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (opened && BrowserWindow.getAllWindows().length === 0) createWindow(opened.api);
  });
  app.on('will-quit', () => {
    opened?.close();
    opened = null;
  });
  app
    .whenReady()
    .then(start)
    .catch(async (error: unknown) => {
      await showStartupError(error);
      app.exit(1);
    });
}
