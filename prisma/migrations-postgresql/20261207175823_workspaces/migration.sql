-- The one workspace there was becomes "default" by name too: its host is the bare WORKSPACE_DOMAIN (lib/workspaces/).
UPDATE "Workspace" SET "name" = 'default' WHERE "id" = 'default';

-- DropIndex
DROP INDEX "User_email_key";

-- DropIndex
DROP INDEX "User_workspaceId_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_name_key" ON "Workspace"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_workspaceId_email_key" ON "User"("workspaceId", "email");
