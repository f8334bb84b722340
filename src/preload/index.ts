/**
 * The preload of the app window (built as CommonJS: the window is sandboxed). It exposes
 * `window.station` and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildStationApi } from './build-api';

contextBridge.exposeInMainWorld('station', buildStationApi(ipcRenderer));
