/**
 * The Scan screen over the real station: a scan prints through CUPS and turns the card
 * green with the success tone; an unknown number turns it red with the error tone; a label
 * printed before asks first (policy 'ask', the default); a printer that holds the label up
 * turns the card red with its reason until the label comes out.
 */
import { expect, test } from './harness';
import { jobsAfter, lastJobId, resultCard, scan, sounds, waitForJobDone } from './station-page';

test('a scan prints the label and shows success with the success sound', async ({ app, page }) => {
  const number = app.sandbox.sample().trackingNumbers[0] ?? '';
  const order = app.sandbox.data.findOrder(number);
  const input = page.getByRole('textbox', { name: 'Scan' });
  await expect(input).toBeFocused();
  const before = await lastJobId(app);

  await scan(page, number);

  await expect(resultCard(page)).toHaveAttribute('data-verdict', 'success');
  await expect(resultCard(page)).toContainText(order?.consignee.name ?? '');
  await expect(resultCard(page)).toContainText(order?.orderNo ?? '');
  await expect(resultCard(page)).toContainText(/Piece \d of \d/);
  await expect.poll(() => sounds(page)).toEqual({ last: 'success', count: 1 });

  const [job] = await jobsAfter(app, before);
  expect(job?.pieces).toEqual([number]);
  await waitForJobDone(app, job?.id ?? 0);
  await expect(resultCard(page)).toHaveAttribute('data-job-state', 'done');
  await expect(resultCard(page).getByText('Printed', { exact: true })).toBeVisible();
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('');
  await app.screenshot('scan');
});

test('an unknown number shows the reason in red and plays the error sound', async ({
  app,
  page,
}) => {
  await scan(page, 'NO-SUCH-PARCEL-4711', 'Tab');

  await expect(resultCard(page)).toHaveAttribute('data-verdict', 'error');
  const alert = resultCard(page).getByRole('alert');
  await expect(alert).toContainText('Not found');
  await expect(alert).toContainText('NO-SUCH-PARCEL-4711');
  await expect(alert).toContainText('Check the number');
  await expect.poll(() => sounds(page)).toEqual({ last: 'error', count: 1 });
  // The scanner's Tab ended the scan; focus stayed for the next parcel.
  await expect(page.getByRole('textbox', { name: 'Scan' })).toBeFocused();
  await app.screenshot('scan-error');
});

test('a label printed before asks first; Enter prints it again, Esc skips', async ({
  app,
  page,
}) => {
  const number = app.sandbox.sample().trackingNumbers[1] ?? '';
  const start = await lastJobId(app);
  await scan(page, number);
  await expect(resultCard(page)).toHaveAttribute('data-verdict', 'success');
  const firstPrint = (await jobsAfter(app, start)).map((job) => job.pieces);
  const afterFirst = await lastJobId(app);

  await scan(page, number);
  const dialog = page.getByRole('dialog', { name: 'Printed before: print again?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(number);
  await app.screenshot('scan-duplicate');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(resultCard(page)).toHaveAttribute('data-verdict', 'success');
  await expect(resultCard(page).getByRole('note')).toContainText('Printed before');
  expect((await jobsAfter(app, afterFirst)).map((job) => job.pieces)).toEqual(firstPrint);

  await scan(page, number);
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(resultCard(page)).toHaveAttribute('data-verdict', 'skipped');
  expect(await jobsAfter(app, afterFirst)).toHaveLength(1);
  await expect(page.getByRole('region', { name: 'Earlier scans' })).toContainText(number);
});

test('the Scan screen reads well on a 1920×1080 screen', async ({ app, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const number = app.sandbox.sample().trackingNumbers[2] ?? '';
  await scan(page, number);
  await expect(resultCard(page)).toHaveAttribute('data-verdict', 'success');
  await app.screenshot('scan-1920');
});

test('a printer that stops turns the card red with its reason, then green once it prints', async ({
  app,
  page,
}) => {
  const number = app.sandbox.sample().trackingNumbers[3] ?? '';
  app.cups.disable('Out of labels');
  const before = await lastJobId(app);
  await scan(page, number);

  await expect(resultCard(page)).toHaveAttribute('data-verdict', 'error', { timeout: 15_000 });
  const alert = resultCard(page).getByRole('alert');
  await expect(alert).toContainText('Printer problem');
  await expect(alert).toContainText('Out of labels');
  await expect(alert).toContainText('prints by itself once the printer is ready');
  await expect.poll(() => sounds(page)).toEqual({ last: 'error', count: 2 });
  await app.screenshot('scan-printer-stopped');

  app.cups.enable();
  const [job] = await jobsAfter(app, before);
  await waitForJobDone(app, job?.id ?? 0);
  await expect(resultCard(page)).toHaveAttribute('data-verdict', 'success');
  await expect(resultCard(page)).toHaveAttribute('data-job-state', 'done');
  await expect.poll(() => sounds(page)).toEqual({ last: 'success', count: 3 });
});
