"""Database helpers that Django's ORM does not offer in one statement."""

from collections.abc import Sequence
from typing import Any, cast

from django.db import connections, models, router


def rows_insert_once(objs: Sequence[models.Model], *, returning: str = "pk") -> list[Any]:
    """Insert the rows that do not clash with a unique constraint; say which were inserted.

    One statement — ``INSERT … ON CONFLICT DO NOTHING RETURNING …`` (PostgreSQL, and SQLite
    3.35 or newer) — so "only once" rules are decided by the database, and the caller learns in
    the same round trip whether *it* made the row. Returns the ``returning`` field's value for each
    inserted row; the objects of inserted rows get their primary key.
    """
    if not objs:
        return []
    model = type(objs[0])
    meta = model._meta
    alias = router.db_for_write(model)
    connection = connections[alias]
    quote = connection.ops.quote_name
    pk_field = meta.pk
    fields = [
        field
        for field in meta.concrete_fields
        if not (field.primary_key and isinstance(field, models.AutoField))
    ]
    returning_field = (
        pk_field if returning == "pk" else cast(models.Field, meta.get_field(returning))
    )
    rows: list[str] = []
    params: list[Any] = []
    for obj in objs:
        rows.append("(" + ", ".join(["%s"] * len(fields)) + ")")
        params.extend(
            field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields
        )
    # Only quoted identifiers from the model's own metadata go into the text; values are params.
    sql = (
        f"INSERT INTO {quote(meta.db_table)} "  # noqa: S608
        f"({', '.join(quote(_column(field)) for field in fields)}) "
        f"VALUES {', '.join(rows)} ON CONFLICT DO NOTHING "
        f"RETURNING {quote(_column(pk_field))}, {quote(_column(returning_field))}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        inserted = cursor.fetchall()
    values = []
    for pk, value in inserted:
        value = returning_field.to_python(value)
        values.append(value)
        owner: models.Model | None
        if len(objs) == 1:
            owner = objs[0]
        else:
            owner = next(
                (o for o in objs if getattr(o, returning_field.attname) == value and o.pk is None),
                None,
            )
        if owner is not None:
            owner.pk = pk
            owner._state.adding = False
            owner._state.db = alias
    return values


def _column(field: models.Field) -> str:
    """The column of a concrete field (Django's types allow none, for fields without one)."""
    return cast(str, field.column)


def table_lock(model: type[models.Model]) -> None:
    """Take the model's table for this transaction's writes, so that two runs of a whole-table
    job (a re-import, say) follow one another instead of colliding on a unique constraint.

    PostgreSQL: ``LOCK TABLE … IN SHARE ROW EXCLUSIVE MODE`` (readers carry on; a second writer
    waits). SQLite needs nothing: our transactions are IMMEDIATE, so writers already queue.
    Call inside ``transaction.atomic``.
    """
    alias = router.db_for_write(model)
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")  # noqa: S608
