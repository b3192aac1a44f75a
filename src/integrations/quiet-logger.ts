// Astro's own Node logger, less the one line per built file ("├─ /faq/…/index.html (+8ms)"): at 75
// pages that list is most of the build log and buries a real warning such as a missing SITE_URL.
// Warnings, errors and every other line pass unchanged. Set in astro.config.mjs (`logger`).
import nodeLogger from 'astro/logger/node';

type Destination = ReturnType<typeof nodeLogger>;
type LogEvent = Parameters<Destination['write']>[0];

/** A built file's line: the tree branch Astro draws before each file, written without its line end. */
const isFileLine = (e: LogEvent) =>
  e.level === 'info' && e.label === null && !e.newLine && e.message.includes('\u251C\u2500');

export default function quietLogger(config?: Parameters<typeof nodeLogger>[0]): Destination {
  const node = nodeLogger(config);
  let inFileLine = false;
  return {
    ...node,
    write(event: LogEvent) {
      // The file's timing follows as its own unformatted event, which ends the line.
      if (inFileLine && event.label === 'SKIP_FORMAT') return void (inFileLine = event.newLine === false);
      inFileLine = isFileLine(event);
      if (!inFileLine) node.write(event);
    },
  };
}
