"""The access log is append-only in the database too (PostgreSQL): a trigger refuses every
UPDATE and DELETE of a row, whoever sends it (the model and its queryset already refuse).

TRUNCATE (how Django's test runner empties tables) does not fire row triggers. SQLite, the
embedded default, relies on the model's refusal: its test runner empties tables with DELETE.
"""

from django.db import migrations

FUNCTION = "safeguarding_access_log_append_only"
TRIGGER = "safeguarding_access_log_append_only"
TABLE = "safeguarding_accesslogentry"


def trigger_create(apps, schema_editor):  # noqa: ARG001 - migration signature
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"""
        CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION 'The confidential reports access log is append-only.';
        END;
        $$ LANGUAGE plpgsql;
        """
    )
    schema_editor.execute(
        f"CREATE TRIGGER {TRIGGER} BEFORE UPDATE OR DELETE ON {TABLE} "
        f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}();"
    )


def trigger_drop(apps, schema_editor):  # noqa: ARG001 - migration signature
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {TABLE};")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}();")


class Migration(migrations.Migration):
    dependencies = [("safeguarding", "0002_handling")]

    operations = [migrations.RunPython(trigger_create, trigger_drop)]
