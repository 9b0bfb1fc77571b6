-- What release 0.1's schema lacked or kept by mistake.

-- Left by a release before 0.1 (the attempt's start was then mapped to this name); nothing
-- reads it, and on a database made by a later release it is not there.
ALTER TABLE BATCH_MEMBER DROP COLUMN IF EXISTS ATTEMPTSTARTED;

-- A space listing or named query by string1, in number1 order (IMAGE_STRING1 now also orders),
-- and the same across all of a customer's spaces (allImages, named queries without a space).
DROP INDEX IF EXISTS IMAGE_STRING1;
CREATE INDEX IF NOT EXISTS IMAGE_STRING1 ON IMAGE (CUSTOMER, SPACE, STRING1, NUMBER1);
CREATE INDEX IF NOT EXISTS IMAGE_CUSTOMER_STRING1 ON IMAGE (CUSTOMER, STRING1, NUMBER1);
-- Named queries by batch, and the images a batch queued.
CREATE INDEX IF NOT EXISTS IMAGE_BATCH ON IMAGE (BATCH);

-- The queue's counts (unfinished batches) and the recently finished batches of a customer.
CREATE INDEX IF NOT EXISTS BATCH_FINISHED ON BATCH (CUSTOMER, FINISHED);
-- The sweep for members whose message went missing: waiting members sent before a time.
CREATE INDEX IF NOT EXISTS MEMBER_WAITING ON BATCH_MEMBER (STATUS, SENT);
-- A customer's keys.
CREATE INDEX IF NOT EXISTS API_KEY_CUSTOMER ON API_KEY (CUSTOMER);
