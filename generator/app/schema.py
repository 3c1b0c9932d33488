"""JSON Schema of front matter and registries, generated from the models `check` validates with."""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from generator.core.model import Organization, Person, VersionFile
from generator.doctypes import DOCUMENT_TYPES

# Any of the document types, chosen by `type` with if/then (the discriminator of
# OpenAPI, which pydantic writes for a tagged union, is not JSON Schema: validators ignore it
# and report every branch).
_DOCUMENTS: Any = reduce(or_, (record_type.model for record_type in DOCUMENT_TYPES.values()))
_DOCUMENT: TypeAdapter[Any] = TypeAdapter(Annotated[_DOCUMENTS, Field(discriminator="type")])


def _by_type(schema: dict[str, Any]) -> dict[str, Any]:
    """The document schema with its `oneOf` and `discriminator` as `type` and if/then."""
    mapping: dict[str, str] = schema.pop("discriminator")["mapping"]
    del schema["oneOf"]
    schema["type"] = "object"
    schema["required"] = ["type"]
    schema["properties"] = {"type": {"enum": sorted(mapping)}}
    schema["allOf"] = [
        {"if": {"properties": {"type": {"const": name}}}, "then": {"$ref": ref}}
        for name, ref in sorted(mapping.items())
    ]
    return schema


SCHEMAS: dict[str, tuple[TypeAdapter[Any], str]] = {
    "document": (_DOCUMENT, f"Front matter of a regpub document ({' or '.join(DOCUMENT_TYPES)})"),
    "people": (TypeAdapter(list[Person]), "regpub people.yml"),
    "organizations": (TypeAdapter(list[Organization]), "regpub organizations.yml"),
    "version": (TypeAdapter(VersionFile), "Front matter of an earlier text of a regpub regulation"),
}


def json_schema(name: str = "document") -> dict[str, Any]:
    adapter, title = SCHEMAS[name]
    schema = adapter.json_schema(by_alias=True)
    if name == "document":
        schema = _by_type(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **schema}
