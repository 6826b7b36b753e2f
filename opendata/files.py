"""The published files of a dataset version: CSV, JSON, CSV on the Web (CSVW) metadata, JSON
Schema, and the DCAT-style catalogue. Pure functions of the stored rows: the same version gives
the same bytes forever."""

import json
from decimal import Decimal

from opendata.selectors import BY_SLUG, DATASETS, LICENCE_NAME, LICENCE_URL, Dataset
from training.core import csv_safe

PUBLISHER = "Homes on the Net"


def base_path(*, dataset: str, number: int) -> str:
    return f"/open-data/{dataset}/{number}/"


def csv_text(*, dataset: Dataset, rows: list[dict]) -> str:
    """The rows as CSV, written by the site's one safe writer (``training/core/csv_safe.py``:
    UTF-8 with a byte order mark, text that looks like a formula neutralised). Figures are
    written as numbers; a hidden figure is an empty cell (the metadata's "null")."""
    return csv_safe.csv_text(
        [
            [column.name for column in dataset.columns],
            *(
                [_csv_value(column, row.get(column.name)) for column in dataset.columns]
                for row in rows
            ),
        ]
    )


def _csv_value(column, value):
    if value is None or column.datatype == "string":
        return value
    return int(value) if column.datatype == "integer" else Decimal(str(value))


def _json_value(column, value):
    if value is None:
        return None
    if column.datatype == "integer":
        return int(value)
    if column.datatype == "decimal":
        return float(value)
    return str(value)


def json_document(*, dataset: Dataset, number: int, published_at: str, rows: list[dict]) -> dict:
    return {
        "dataset": dataset.slug,
        "title": str(dataset.title),
        "version": number,
        "published": published_at,
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "rows": [
            {column.name: _json_value(column, row.get(column.name)) for column in dataset.columns}
            for row in rows
        ],
    }


def csvw_metadata(*, dataset: Dataset, number: int, site: str) -> dict:
    base = site + base_path(dataset=dataset.slug, number=number)
    return {
        "@context": "http://www.w3.org/ns/csvw",
        "url": base + "data.csv",
        "dc:title": str(dataset.title),
        "dc:description": str(dataset.description),
        "dc:license": {"@id": LICENCE_URL},
        "dc:publisher": PUBLISHER,
        "dialect": {"encoding": "utf-8", "header": True},
        "tableSchema": {
            "columns": [
                {
                    "name": column.name,
                    "titles": str(column.title),
                    "dc:description": str(column.description),
                    "datatype": column.datatype,
                    "required": False,
                    "null": "",
                }
                for column in dataset.columns
            ],
        },
    }


_JSON_TYPES = {"string": "string", "integer": "integer", "decimal": "number"}


def json_schema(*, dataset: Dataset, number: int, site: str) -> dict:
    base = site + base_path(dataset=dataset.slug, number=number)
    row_properties = {}
    for column in dataset.columns:
        spec: dict = {
            "type": [_JSON_TYPES[column.datatype], "null"],
            "description": str(column.description),
        }
        if column.about_people:
            spec["anyOf"] = [{"type": "null"}, {"enum": [0]}, {"type": "integer", "minimum": 5}]
        elif column.datatype != "string":
            spec["minimum"] = 0
        row_properties[column.name] = spec
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": base + "data.schema.json",
        "title": str(dataset.title),
        "description": str(dataset.description),
        "type": "object",
        "required": ["dataset", "version", "published", "licence", "rows"],
        "properties": {
            "dataset": {"const": dataset.slug},
            "title": {"type": "string"},
            "version": {"const": number},
            "published": {"type": "string", "format": "date-time"},
            "licence": {
                "type": "object",
                "required": ["name", "url"],
                "properties": {"name": {"const": LICENCE_NAME}, "url": {"const": LICENCE_URL}},
            },
            "rows": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [column.name for column in dataset.columns],
                    "additionalProperties": False,
                    "properties": row_properties,
                },
            },
        },
    }


def catalogue(*, current: dict[str, dict], site: str) -> dict:
    """A DCAT-style catalogue (JSON-LD) of every dataset, for data portals to harvest."""
    entries = []
    for dataset in DATASETS:
        published = current.get(dataset.slug)
        entry: dict = {
            "@type": "dcat:Dataset",
            "dct:identifier": dataset.slug,
            "dct:title": str(dataset.title),
            "dct:description": str(dataset.description),
            "dct:license": LICENCE_URL,
            "dct:rights": LICENCE_NAME,
            "dct:publisher": PUBLISHER,
            "dcat:landingPage": f"{site}/open-data/{dataset.slug}/",
            "dcat:distribution": [],
        }
        if published:
            base = site + base_path(dataset=dataset.slug, number=published["number"])
            entry["dct:issued"] = published["published_at"]
            entry["owl:versionInfo"] = str(published["number"])
            entry["dcat:distribution"] = [
                {
                    "@type": "dcat:Distribution",
                    "dcat:downloadURL": base + "data.csv",
                    "dcat:mediaType": "text/csv",
                    "dct:conformsTo": base + "data.csv-metadata.json",
                    "dct:license": LICENCE_URL,
                },
                {
                    "@type": "dcat:Distribution",
                    "dcat:downloadURL": base + "data.json",
                    "dcat:mediaType": "application/json",
                    "dct:conformsTo": base + "data.schema.json",
                    "dct:license": LICENCE_URL,
                },
            ]
        entries.append(entry)
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "owl": "http://www.w3.org/2002/07/owl#",
        },
        "@type": "dcat:Catalog",
        "dct:title": "Homes on the Net open data",
        "dct:license": LICENCE_URL,
        "dct:rights": LICENCE_NAME,
        "dct:publisher": PUBLISHER,
        "dcat:dataset": entries,
    }


def dumps(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


__all__ = ["BY_SLUG", "catalogue", "csv_text", "csvw_metadata", "json_document", "json_schema"]
