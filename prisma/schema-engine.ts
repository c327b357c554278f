// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter. The Prisma 7 CLI
// applies migrations only through a native engine that it downloads; this runs offline.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory, DriverAdapterError } from "@prisma/driver-adapter-utils";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let gluePromise: Promise<Glue> | undefined;

async function loadGlue(): Promise<Glue> {
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Glue;
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(
    path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
    "schema_engine_bg.wasm",
  );
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

type PgError = Error & { code?: string; severity?: string; detail?: string; column?: string; hint?: string };

/**
 * PostgreSQL's adapter runs a migration script by splitting it on every ";", which breaks a function body
 * (the token_count migration's trigger function) and any comment holding a semicolon. PostgreSQL itself
 * takes a whole script as one simple query, so the script goes over as written.
 */
function wholeScripts(connection: SqlDriverAdapter): SqlDriverAdapter {
  const withDriver = connection as SqlDriverAdapter & { underlyingDriver?: () => unknown };
  const driver = withDriver.underlyingDriver?.() as { query?: (sql: string) => Promise<unknown> } | undefined;
  if (connection.provider !== "postgres" || typeof driver?.query !== "function") return connection;
  const query = driver.query.bind(driver);
  connection.executeScript = async (script: string) => {
    try {
      await query(script);
    } catch (error) {
      const e = error as PgError;
      throw new DriverAdapterError({
        kind: "postgres",
        code: e.code ?? "N/A",
        severity: e.severity ?? "N/A",
        message: e.message,
        detail: e.detail,
        column: e.column,
        hint: e.hint,
      });
    }
  };
  return connection;
}

export type OpenSchemaEngine = { engine: SchemaEngine; close(): Promise<void> };

/** Opens the engine; close() frees it and disposes of every connection it opened (or SQLite stays locked). */
export async function openSchemaEngine(
  schema: { path: string; text: string },
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<OpenSchemaEngine> {
  gluePromise ??= loadGlue();
  const glue = await gluePromise;
  const connections: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => track(await adapterFactory.connect()),
    connectToShadowDb: async () => track(await adapterFactory.connectToShadowDb()),
  };
  function track(connection: SqlDriverAdapter): SqlDriverAdapter {
    connections.push(connection);
    return wholeScripts(connection);
  }
  const log = () => {};
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[schema.path, schema.text]] },
    log,
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(connections.map((connection) => connection.dispose()));
    },
  };
}
