import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** file:... for SQLite, postgresql://... for PostgreSQL */
    databaseUrl: string;
    /** The SQLite file (unused when databaseUrl is PostgreSQL) */
    databaseFile: string;
    admin: { email: string; password: string };
  }
}
