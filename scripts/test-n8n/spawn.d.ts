/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import type { ChildProcess } from 'node:child_process';

/** Starts `command` in its own process group (see spawn.js). */
export declare function spawnGroup(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): ChildProcess;
