/**
 * The Print queue screen over the real station and CUPS: jobs with state, printer and
 * time; the printer with its state; a reprint makes a new job that prints.
 */
import { expect, test } from './harness';
import { jobsAfter, lastJobId, openScreen, resultCard, scan, waitForJobDone } from './station-page';

test('the queue lists jobs and printers, and a reprint prints again', async ({ app, page }) => {
  const number = app.sandbox.sample().trackingNumbers[0] ?? '';
  const before = await lastJobId(app);
  await scan(page, number);
  await expect(resultCard(page)).toHaveAttribute('data-verdict', 'success');
  const [first] = await jobsAfter(app, before);
  await waitForJobDone(app, first?.id ?? 0);

  await openScreen(page, 'queue');
  const printers = page.getByRole('region', { name: 'Printers' });
  await expect(printers).toContainText(app.printer);
  await expect(printers).toContainText(/Ready|Printing/);

  const table = page.getByRole('table', { name: 'Print jobs' });
  const row = table.getByRole('row').filter({ hasText: `#${first?.id}` });
  await expect(row).toContainText('Printed');
  await expect(row).toContainText(app.printer);

  await row.getByRole('button', { name: `Reprint job ${first?.id}` }).click();
  const reprint = table.getByRole('row').filter({ hasText: `reprint of #${first?.id}` });
  await expect(reprint).toBeVisible();
  const [, second] = await jobsAfter(app, before);
  expect(second?.reprintOf).toBe(first?.id);
  await waitForJobDone(app, second?.id ?? 0);
  await expect(reprint).toContainText('Printed');
  await app.screenshot('queue');
});
