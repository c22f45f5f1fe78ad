/** Global setup for the unit run: clears the contract report folder, then prints the run's table. */
import { clearReports, summarize } from '../scripts/contract/report.ts';

const ROOT = new URL('..', import.meta.url).pathname;

export default function setup(): () => void {
  clearReports(ROOT);
  return () => {
    const text = summarize(ROOT, 'Unit tests');
    if (text !== '' && process.env.CONTRACT_REPORT === '1') console.log(`\n${text}`);
  };
}
