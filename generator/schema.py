"""JSON Schema of front matter and registries, generated from the models `check` validates with."""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from generator.doctypes import DOCUMENT_TYPES
from generator.model import Organization, Person, VersionFile

# Any of the document types, told apart by `type`.
_DOCUMENTS: Any = reduce(or_, (record_type.model for record_type in DOCUMENT_TYPES.values()))
_DOCUMENT: TypeAdapter[Any] = TypeAdapter(Annotated[_DOCUMENTS, Field(discriminator="type")])
SCHEMAS: dict[str, tuple[TypeAdapter[Any], str]] = {
    "document": (_DOCUMENT, f"Front matter of a regpub document ({' or '.join(DOCUMENT_TYPES)})"),
    "people": (TypeAdapter(list[Person]), "regpub people.yml"),
    "organizations": (TypeAdapter(list[Organization]), "regpub organizations.yml"),
    "version": (TypeAdapter(VersionFile), "Front matter of an earlier text of a regpub regulation"),
}


def json_schema(name: str = "document") -> dict[str, Any]:
    adapter, title = SCHEMAS[name]
    schema = adapter.json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **schema}
