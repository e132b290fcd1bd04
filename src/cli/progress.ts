/**
 * The CLI's progress bar: drawn on stderr, on a terminal only, and only once a task has run for
 * half a second (short runs stay quiet; pipes and files never see a bar). Redrawn at most ten
 * times a second; the line is cleared when the task ends.
 */

import type { ProgressReporter, ProgressTask } from '../app/deps.ts';

const WIDTH = 30;
const DELAY_MS = 500;
const REDRAW_MS = 100;

/** Where and when to draw. */
export interface TerminalProgressOptions {
  readonly write: (text: string) => void;
  readonly now?: () => number;
}

/** A {@link ProgressReporter} drawing `label [=====     ] 12/40` on a terminal line. */
export function terminalProgress(options: TerminalProgressOptions): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  return {
    start(label: string, total: number): ProgressTask {
      const started = now();
      let done = 0;
      let drawnAt = -Infinity;
      let drawn = false;
      let finished = false;
      const draw = (): void => {
        const t = now();
        if (t - started < DELAY_MS || t - drawnAt < REDRAW_MS) return;
        drawnAt = t;
        drawn = true;
        const fraction = total > 0 ? Math.min(1, done / total) : 0;
        const filled = Math.round(fraction * WIDTH);
        options.write(
          `\r${label} [${'='.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${total}`,
        );
      };
      return {
        tick(n = 1) {
          if (finished) return;
          done += n;
          draw();
        },
        done() {
          if (finished) return;
          finished = true;
          if (drawn) options.write('\r\u001b[2K');
        },
      };
    },
  };
}
