// `npm run db:migrate`: apply pending migrations to DATABASE_URL without starting the app.
import { databaseConfig } from "@/lib/db/config";
import { applyMigrations } from "@/lib/db/migrations";
import { settingsOrStop } from "./cannot-start";

const applied = await applyMigrations(databaseConfig(settingsOrStop().DATABASE_URL));
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
