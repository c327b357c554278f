// A new, empty PostgreSQL database for one bench run, created beside the one the given URL names.
import pg from "pg";

export async function freshPostgresDatabase(
  url: string,
): Promise<{ ok: true; url: string } | { ok: false; reason: string }> {
  const name = `tessera_bench_${Date.now()}`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    return {
      ok: false,
      reason: `PostgreSQL is not reachable at the given URL (${error instanceof Error ? error.message : error})`,
    };
  } finally {
    await client.end().catch(() => {});
  }
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return { ok: true, url: fresh.toString() };
}
