/**
 * A test server's port: its fixed base plus TEST_PORT_OFFSET (default 0), so that several checkouts of the
 * project can run their test suites on one machine at the same time.
 */
export function testPort(base: number): number {
  return base + (Number(process.env.TEST_PORT_OFFSET) || 0);
}
