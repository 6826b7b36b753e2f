"""The demo's published open data: files valid against their own metadata, the catalogue, the
pages, and the small-number rule over every dataset."""

import csv
import io
import json
import re
from decimal import Decimal

from django.test import Client

import jsonschema
import pytest

from demo.opendata import tsm_year_now
from opendata.measures import CODES
from opendata.selectors import DATASETS, LICENCE_NAME, LICENCE_URL, published_current

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_and_cache(demo):
    from django.core.cache import cache

    cache.clear()


def _get(path: str):
    response = Client().get(path)
    assert response.status_code == 200, path
    return response


def _files(dataset: str) -> dict:
    number = published_current()[dataset]["number"]
    base = f"/open-data/{dataset}/{number}/"
    return {
        name: _get(base + name).content
        for name in ("data.csv", "data.json", "data.csv-metadata.json", "data.schema.json")
    }


# A small validator of what our CSVW metadata declares: the columns, in order, by name, and each
# cell's datatype (the metadata's "null" value stands for an empty figure).
_DATATYPES = {
    "string": lambda text: True,
    "integer": lambda text: re.fullmatch(r"-?\d+", text) is not None,
    "decimal": lambda text: re.fullmatch(r"-?\d+(\.\d+)?", text) is not None,
}


def csvw_errors(csv_bytes: bytes, metadata: dict) -> list[str]:
    columns = metadata["tableSchema"]["columns"]
    rows = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    errors = []
    if rows[0] != [column["name"] for column in columns]:
        errors.append(f"header {rows[0]} is not {[column['name'] for column in columns]}")
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(columns):
            errors.append(f"row {number} has {len(row)} cells")
            continue
        for cell, column in zip(row, columns, strict=True):
            if cell == column.get("null", ""):
                if column.get("required"):
                    errors.append(f"row {number}: {column['name']} is required")
                continue
            if not _DATATYPES[column["datatype"]](cell):
                errors.append(
                    f"row {number}: {column['name']}={cell!r} is not {column['datatype']}"
                )
    return errors


def test_the_validator_finds_mistakes():
    metadata = {"tableSchema": {"columns": [
        {"name": "a", "datatype": "integer", "null": ""},
        {"name": "b", "datatype": "decimal", "null": "", "required": True},
    ]}}  # fmt: skip
    assert csvw_errors(b"a,b\r\n1,2.5\r\n,3\r\n", metadata) == []
    assert csvw_errors(b"a,b\r\nx,\r\n", metadata) == [
        "row 2: a='x' is not integer",
        "row 2: b is required",
    ]
    assert csvw_errors(b"b,a\r\n", metadata)


@pytest.mark.parametrize("dataset", [d.slug for d in DATASETS])
def test_every_published_file_validates_against_its_metadata(dataset):
    files = _files(dataset)
    metadata = json.loads(files["data.csv-metadata.json"])
    assert metadata["@context"] == "http://www.w3.org/ns/csvw"
    assert metadata["url"].endswith("/data.csv")
    assert metadata["dc:license"] == {"@id": LICENCE_URL}
    assert csvw_errors(files["data.csv"], metadata) == []

    schema = json.loads(files["data.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads(files["data.json"])
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
    assert document["licence"] == {"name": LICENCE_NAME, "url": LICENCE_URL}
    # The CSV and the JSON hold the same rows.
    assert len(document["rows"]) == len(files["data.csv"].decode("utf-8-sig").splitlines()) - 1


def test_the_schema_refuses_a_figure_about_fewer_than_5_people():
    files = _files("tenant-satisfaction-measures")
    schema = json.loads(files["data.schema.json"])
    document = json.loads(files["data.json"])
    document["rows"][0]["about"] = 3
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.slug)
def test_no_published_figure_is_about_fewer_than_5_people(dataset):
    """Over every dataset: each count of people is empty, 0 or 5 and more, in the CSV and the
    JSON; and a figure about people is never shown when its count is hidden."""
    files = _files(dataset.slug)
    people = [column.name for column in dataset.columns if column.about_people]
    assert people, "every dataset says which of its columns count people"
    rows = json.loads(files["data.json"])["rows"]
    for row in csv.DictReader(io.StringIO(files["data.csv"].decode("utf-8-sig"))):
        for name in people:
            assert row[name] == "" or int(row[name]) == 0 or int(row[name]) >= 5, (name, row)
    for row in rows:
        for name in people:
            assert row[name] is None or row[name] == 0 or row[name] >= 5, (name, row)
        if dataset.slug == "tenant-satisfaction-measures" and row["about"] is None:
            assert row["code"] in {
                "BS01",
                "BS02",
                "BS03",
                "BS04",
                "BS05",
                "RP01",
                "RP02(1)",
                "RP02(2)",
            } or (row["value"] is None)


def test_the_catalogue_lists_every_dataset_with_its_licence():
    catalogue = json.loads(_get("/open-data/catalogue.json").content)
    assert catalogue["dct:license"] == LICENCE_URL
    listed = {entry["dct:identifier"]: entry for entry in catalogue["dcat:dataset"]}
    assert set(listed) == {dataset.slug for dataset in DATASETS}
    for entry in listed.values():
        assert entry["dct:license"] == LICENCE_URL
        assert entry["dct:rights"] == LICENCE_NAME
        kinds = {d["dcat:mediaType"] for d in entry["dcat:distribution"]}
        assert kinds == {"text/csv", "application/json"}
        for distribution in entry["dcat:distribution"]:
            assert distribution["dct:license"] == LICENCE_URL
            path = distribution["dcat:downloadURL"].removeprefix("http://testserver")
            _get(path)
            _get(distribution["dct:conformsTo"].removeprefix("http://testserver"))


def test_every_page_states_the_licence():
    pages = ["/open-data/"] + [f"/open-data/{dataset.slug}/" for dataset in DATASETS]
    for path in pages:
        html = _get(path).content.decode()
        assert LICENCE_NAME in html and LICENCE_URL in html, path


def test_this_years_tsm_figures_are_on_the_page_with_the_year_before():
    year = tsm_year_now()
    label = f"{year}/{str(year + 1)[-2:]}"
    html = _get("/open-data/tenant-satisfaction-measures/").content.decode()
    assert f"Tenant survey, {label}: per cent satisfied" in html
    assert "<svg" in html and "Download CSV" in html and "Download JSON" in html
    rows = json.loads(_files("tenant-satisfaction-measures")["data.json"])["rows"]
    this_year = {row["code"]: row for row in rows if row["year"] == label}
    assert set(this_year) == set(CODES)
    assert this_year["TP01"]["value"] == 74.2 and this_year["TP01"]["year_before"] == 71.4
    assert Decimal(str(this_year["NM01(1)"]["value"])) == Decimal("19.5")
    # Every part of a measure in two parts is published on its own.
    for code in ("RP02(2)", "CH01(2)", "CH02(2)", "NM01(2)"):
        assert this_year[code]["value"] is not None, code
    assert Decimal(str(this_year["NM01(2)"]["value"])) == Decimal("1.7")


def test_an_unpublished_version_and_an_unknown_dataset_are_not_found():
    client = Client()
    assert client.get("/open-data/tenant-satisfaction-measures/99/").status_code == 404
    assert client.get("/open-data/tenant-satisfaction-measures/99/data.csv").status_code == 404
    assert client.get("/open-data/nothing-here/").status_code == 404
