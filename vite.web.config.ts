import { defineConfig } from 'vite';
import { rendererConfig } from './renderer.vite.config.ts';

export default defineConfig(rendererConfig);
