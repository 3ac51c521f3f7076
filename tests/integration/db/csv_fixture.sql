-- Awkward data for the CSV export comparison (tst_csv): quotes, commas, newlines,
-- NULL vs empty, unicode, bytea, arrays, json, and enough rows to stream.
DROP SCHEMA IF EXISTS "csv ""x""" CASCADE;
CREATE SCHEMA "csv ""x""";
CREATE TABLE "csv ""x"""."tricky, table" (id int PRIMARY KEY, "a,b" text, "quote""d" text, n numeric, ts timestamptz, j jsonb, arr text[], bin bytea);
INSERT INTO "csv ""x"""."tricky, table" VALUES
  (1, 'plain', 'x', 1.5, '2024-01-02 03:04:05+00', '{"k": [1, "two"]}', '{a,"b c",NULL}', '\x00ff'),
  (2, 'comma, inside', 'quote " inside', NULL, NULL, NULL, NULL, NULL),
  (3, E'new\nline', E'cr\r\nlf', -0.0001, 'infinity', '"s"', '{}', ''),
  (4, '', NULL, 1e20, '1999-12-31 23:59:59.999999+05:30', 'null', '{"{"}', '\x'),
  (5, 'Größe ✓ 日本', E'tab\there', 0, now(), '[]', '{"\\\\"}', '\x5c');
INSERT INTO "csv ""x"""."tricky, table" SELECT g, 'row ' || g, md5(g::text), g / 7.0, NULL, NULL, NULL, NULL
  FROM generate_series(6, 60000) g;
