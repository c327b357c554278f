-- AlterTable (SQLite adds a NOT NULL column with a constant default in place: no table rebuild)
ALTER TABLE "AccessToken" ADD COLUMN "scopes" TEXT NOT NULL DEFAULT 'api';
