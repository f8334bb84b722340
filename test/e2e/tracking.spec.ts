/**
 * The Tracking screen over the real station and sandbox: the events of several shipments
 * as timelines in time order, an unknown time (MegaWMS's 1900-01-01) shown as such.
 */
import { expect, test } from './harness';
import { openScreen } from './station-page';

test('tracking shows each shipment as a timeline in time order, unknown times last', async ({
  app,
  page,
}) => {
  const tracked = app.sandbox.data.orders.filter(
    (order) => order.events.length > 2 && order.trackingNumber,
  );
  const withUnknown = tracked.find((order) =>
    order.events.some((event) => event.occurTime.startsWith('1900')),
  );
  const plain = tracked.find((order) => order !== withUnknown);
  const numbers = [withUnknown?.trackingNumber, plain?.trackingNumber].filter((n): n is string =>
    Boolean(n),
  );
  expect(numbers.length).toBe(2);

  await openScreen(page, 'tracking');
  await page.getByLabel('Tracking or order numbers').fill(numbers.join('\n'));
  await page.getByRole('button', { name: 'Track', exact: true }).click();

  for (const number of numbers) {
    const shipment = page.getByRole('region', { name: `Shipment ${number}` });
    await expect(shipment).toBeVisible();
    const times = await shipment
      .locator('time[datetime]')
      .evaluateAll((nodes) =>
        nodes.map((node) => (node as unknown as { dateTime: string }).dateTime),
      );
    expect(times.length).toBeGreaterThan(1);
    expect([...times].sort()).toEqual(times);
  }
  const unknown = page
    .getByRole('region', { name: `Shipment ${numbers[0]}` })
    .getByRole('listitem')
    .last();
  await expect(unknown).toContainText('time unknown');
  await app.screenshot('tracking');
});
