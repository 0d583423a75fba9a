"""PostgreSQL-only (a no-op on SQLite): name search served by an index.

Chinese names are searched by two characters and more ("北辰", "技防"), which pg_trgm
cannot serve (a trigram needs three). A GIN index over each name's characters and
character pairs (credit_name_grams) finds the candidates of any term of one character or
more: the term's pairs (or its one character) must all occur in the name; strpos then
rechecks the term as a whole. credit_name_match is a plain SQL function the planner
inlines, so the index applies wherever it is called on subject.name.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops

FUNCTIONS = """
CREATE OR REPLACE FUNCTION credit_name_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
    SELECT substr(lower(t), i, 1) FROM generate_series(1, char_length(t)) AS i
    UNION ALL
    SELECT substr(lower(t), i, 2) FROM generate_series(1, char_length(t) - 1) AS i
  ) AS grams(g)
$$;

CREATE OR REPLACE FUNCTION credit_term_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN char_length(t) < 2 THEN ARRAY[lower(t)]
    ELSE (SELECT array_agg(DISTINCT substr(lower(t), i, 2))
          FROM generate_series(1, char_length(t) - 1) AS i)
  END
$$;

CREATE OR REPLACE FUNCTION credit_name_match(name text, term text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT credit_name_grams(name) @> credit_term_grams(term)
     AND strpos(lower(name), lower(term)) > 0
$$;
"""


async def forward(apps, schema_editor) -> None:
    client = schema_editor.client
    if client.capabilities.dialect != "postgres":
        return
    await client.execute_script(FUNCTIONS)
    await client.execute_script(
        "CREATE INDEX IF NOT EXISTS subject_name_grams "
        "ON subject USING gin (credit_name_grams(name));"
        # Results are listed by name: an ordered walk for terms most names contain.
        "CREATE INDEX IF NOT EXISTS subject_name_id ON subject (name, id);"
    )


async def backward(apps, schema_editor) -> None:
    client = schema_editor.client
    if client.capabilities.dialect != "postgres":
        return
    await client.execute_script(
        "DROP INDEX IF EXISTS subject_name_id;"
        "DROP INDEX IF EXISTS subject_name_grams;"
        "DROP FUNCTION IF EXISTS credit_name_match(text, text);"
        "DROP FUNCTION IF EXISTS credit_term_grams(text);"
        "DROP FUNCTION IF EXISTS credit_name_grams(text);"
    )


class Migration(migrations.Migration):
    dependencies = [('credit', '0020_watch_delivery')]

    operations = [ops.RunPython(forward, backward)]
