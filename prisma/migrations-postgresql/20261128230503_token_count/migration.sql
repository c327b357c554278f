-- AlterTable
ALTER TABLE "User" ADD COLUMN     "tokenCount" INTEGER NOT NULL DEFAULT 0;

-- Tessera: User.tokenCount is kept by this trigger, whoever writes AccessToken rows (the app, a script, a
-- restore). Prisma does not manage triggers: a later migration that recreates "AccessToken" must create it
-- again; test/api/storage.test.ts checks the count.
UPDATE "User" SET "tokenCount" = (SELECT COUNT(*) FROM "AccessToken" WHERE "AccessToken"."userId" = "User"."id");

CREATE FUNCTION "AccessToken_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE "User" SET "tokenCount" = "tokenCount" - 1 WHERE "id" = OLD."userId";
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE "User" SET "tokenCount" = "tokenCount" + 1 WHERE "id" = NEW."userId";
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "AccessToken_count" AFTER INSERT OR DELETE OR UPDATE OF "userId" ON "AccessToken"
    FOR EACH ROW EXECUTE FUNCTION "AccessToken_count"();
