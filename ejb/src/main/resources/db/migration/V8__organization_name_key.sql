-- Organization names are unique without regard to case: " org a " (stored trimmed) and "Org A"
-- are one name. name_key is the name as Marquee compares names; the application writes it
-- (trimmed, lower-cased with Java's Locale.ROOT rules), and this unique constraint holds it on
-- every node. An expression index on LOWER(name) would need no extra column, but H2 has none.
--
-- Upgrading a database whose names already differ only in case must not fail: the oldest
-- organization keeps its name, and each later one gets its id appended, as in
-- "org a (3f2c9b1e-...)" (the name cut so it stays within 100 characters). The whole id, unique,
-- so the renamed names cannot collide with one another. A network admin can see
-- them in the console's organization list. Keys of existing rows are computed here with the
-- database's LOWER; it agrees with Java's for ASCII and most letters, and where it does not (a
-- few special cases such as the dotted capital I) that row's key follows the database's rule.
ALTER TABLE organization ADD COLUMN name_key VARCHAR(400);

UPDATE organization o
   SET name = LEFT(o.name, 61) || ' (' || CAST(o.id AS VARCHAR(36)) || ')'
 WHERE EXISTS (SELECT 1 FROM organization older
                WHERE LOWER(older.name) = LOWER(o.name)
                  AND (older.created_at < o.created_at
                       OR (older.created_at = o.created_at AND older.id < o.id)));

UPDATE organization SET name_key = LOWER(name);

ALTER TABLE organization ALTER COLUMN name_key SET NOT NULL;
ALTER TABLE organization ADD CONSTRAINT organization_name_key_unique UNIQUE (name_key);
