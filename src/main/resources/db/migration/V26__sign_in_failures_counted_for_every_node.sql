-- Failed sign-ins, counted where every node sees them (dlcs.security.control.SignInFailures): one
-- row per key and one per client address that failed lately. The housekeeping sweep deletes the
-- rows that are forgotten and trims the table to its newest rows, so that an attack from many
-- addresses with many keys cannot grow it without end.
CREATE TABLE IF NOT EXISTS SIGN_IN_FAILURE (
    NAME VARCHAR(100) NOT NULL PRIMARY KEY,
    FAILURES INTEGER NOT NULL,
    LAST_FAILURE TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS SIGN_IN_FAILURE_LAST ON SIGN_IN_FAILURE (LAST_FAILURE);
