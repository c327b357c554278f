-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "isDisabled" BOOLEAN NOT NULL DEFAULT false,
    "canGenerateApiAccessTokens" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" DATETIME,
    "tokenCount" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "User_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_User" ("canGenerateApiAccessTokens", "createdAt", "email", "id", "isAdmin", "isDisabled", "lastLoginAt", "name", "passwordHash", "workspaceId") SELECT "canGenerateApiAccessTokens", "createdAt", "email", "id", "isAdmin", "isDisabled", "lastLoginAt", "name", "passwordHash", "workspaceId" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_workspaceId_idx" ON "User"("workspaceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Tessera: User.tokenCount is kept by these triggers, whoever writes AccessToken rows (the app, a script, a
-- restore). Prisma does not manage triggers: a later migration that redefines "AccessToken" (SQLite rebuilds a
-- table for most changes) drops them and must create them again; test/api/storage.test.ts checks the count.
UPDATE "User" SET "tokenCount" = (SELECT COUNT(*) FROM "AccessToken" WHERE "AccessToken"."userId" = "User"."id");

CREATE TRIGGER "AccessToken_count_insert" AFTER INSERT ON "AccessToken"
BEGIN
    UPDATE "User" SET "tokenCount" = "tokenCount" + 1 WHERE "id" = NEW."userId";
END;

CREATE TRIGGER "AccessToken_count_delete" AFTER DELETE ON "AccessToken"
BEGIN
    UPDATE "User" SET "tokenCount" = "tokenCount" - 1 WHERE "id" = OLD."userId";
END;

CREATE TRIGGER "AccessToken_count_move" AFTER UPDATE OF "userId" ON "AccessToken"
BEGIN
    UPDATE "User" SET "tokenCount" = "tokenCount" - 1 WHERE "id" = OLD."userId";
    UPDATE "User" SET "tokenCount" = "tokenCount" + 1 WHERE "id" = NEW."userId";
END;
