-- depends: 0010.farewells
-- An erased person's address stands for their pseudonym in events written until someone
-- registers or links that address again (reclaimed_at): a user who comes back after an
-- erasure is not shown as the pseudonym in new invitations. One row per erasure of it.
CREATE TABLE erased_addresses_by_period (
    digest TEXT NOT NULL,
    pseudonym TEXT NOT NULL,
    reclaimed_at TEXT,
    PRIMARY KEY (digest, pseudonym)
);
INSERT INTO erased_addresses_by_period (digest, pseudonym)
    SELECT digest, pseudonym FROM erased_addresses;
DROP TABLE erased_addresses;
ALTER TABLE erased_addresses_by_period RENAME TO erased_addresses;
