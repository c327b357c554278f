-- AlterTable
ALTER TABLE "AccessToken" ADD COLUMN     "scopes" TEXT NOT NULL DEFAULT 'api';
