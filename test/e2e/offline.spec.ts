/**
 * Offline over the real station: once the sandbox (MegaWMS) stops, a label the station has
 * already seen still prints from the cache, the offline badge shows, and a number never
 * seen fails with "offline and not saved" in plain words.
 */
import { expect, test } from './harness';
import { jobsAfter, lastJobId, openScreen, resultCard, scan, waitForJobDone } from './station-page';

test('going offline still prints a cached label', async ({ app, page }) => {
  const [seen, neverSeen] = app.sandbox.sample().trackingNumbers.filter((number) => {
    const order = app.sandbox.data.findOrder(number);
    return order?.pieces.length === 1;
  });
  // The Batch lookup caches the label without printing it.
  await openScreen(page, 'batch');
  await page.getByLabel(/^Numbers/).fill(seen ?? '');
  await page.getByRole('button', { name: 'Look up all' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 of 1 found' })).toBeVisible();

  await app.goOffline();
  await openScreen(page, 'scan');
  const before = await lastJobId(app);
  await scan(page, seen ?? '');

  await expect(resultCard(page)).toHaveAttribute('data-verdict', 'success');
  await expect(resultCard(page)).toContainText('MegaWMS offline: printed from the saved copy');
  await expect(page.getByRole('banner').getByText('Offline', { exact: true })).toBeVisible();
  const [job] = await jobsAfter(app, before);
  expect(job?.pieces).toEqual([seen]);
  await waitForJobDone(app, job?.id ?? 0);
  await app.screenshot('scan-offline');

  await scan(page, neverSeen ?? '');
  await expect(resultCard(page)).toHaveAttribute('data-verdict', 'error');
  await expect(resultCard(page)).toContainText('Offline, and not saved on this station');
  await expect(resultCard(page)).toContainText('Try again when the network is back');
});
