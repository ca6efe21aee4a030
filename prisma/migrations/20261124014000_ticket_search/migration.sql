-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';


-- ───── Hand-written: what Prisma's schema language cannot express ─────

-- Ticket search matches substrings of the subject and description, case and accents
-- ignored: the same folding as foldForSearch (api/resolvers/customerSearchText.ts) gives
-- the typed terms. A trigger keeps it, so every writer (seed, imports, automations) is covered.
CREATE FUNCTION ticket_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := btrim(regexp_replace(lower(translate(
    NEW."subject" || ' ' || coalesce(NEW."description", ''),
    'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿ',
    'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOoooooUUUUuuuuYyy'
  )), '\s+', ' ', 'g'));
  RETURN NEW;
END
$$;

CREATE TRIGGER ticket_search_text BEFORE INSERT OR UPDATE OF "subject", "description" ON "Ticket"
  FOR EACH ROW EXECUTE FUNCTION ticket_search_text();

-- Tickets already there (a database seeded before this migration) get theirs now.
UPDATE "Ticket" SET "subject" = "subject";

CREATE INDEX "Ticket_searchText_trgm_idx" ON "Ticket" USING gin ("searchText" gin_trgm_ops);
