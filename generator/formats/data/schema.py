"""The JSON Schema of the open data, published beside it (`schema/catalog.json`,
`schema/document.json`, `schema/decisions.json`): made from the document types' own records
(`RecordType.data`), so a type a package adds is described with the rest."""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import Field, TypeAdapter, create_model

from generator.doctypes import DOCUMENT_TYPES
from generator.doctypes.records import AssignmentRow, Iso, Open

_TITLES = {
    "catalog": "regpub catalog.json: every document of the site",
    "document": "regpub <id>.json: one document of the site",
    "decisions": "regpub decisions.json: every assignment of the site's meetings",
}


def open_data_schema(name: str) -> dict[str, Any]:
    document: Any = Annotated[
        Union[tuple(record_type.data for record_type in DOCUMENT_TYPES.values())],  # noqa: UP007
        Field(discriminator="kind"),
    ]
    catalog = create_model(
        "Catalog",
        __base__=Open,
        __doc__="`catalog.json`: every document, newest first, as of the build's date.",
        as_of=(Iso, ...),
        documents=(list[document], ...),
    )
    assignments = create_model(
        "Assignments",
        __base__=Open,
        __doc__="`decisions.json`: every assignment, overdue first, as of the build's date.",
        as_of=(Iso, ...),
        assignments=(list[AssignmentRow], ...),
    )
    adapter = TypeAdapter({"catalog": catalog, "decisions": assignments}.get(name, document))
    schema = adapter.json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": _TITLES[name], **schema}
