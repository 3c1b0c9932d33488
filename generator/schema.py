"""JSON Schema of front matter and registries, generated from the models `check` validates with."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from generator.model import Meeting, Organization, Person, Regulation, VersionFile

_DOCUMENT = TypeAdapter(Annotated[Regulation | Meeting, Field(discriminator="type")])
SCHEMAS: dict[str, tuple[TypeAdapter[Any], str]] = {
    "document": (_DOCUMENT, "Front matter of a regpub document (regulation or meeting)"),
    "people": (TypeAdapter(list[Person]), "regpub people.yml"),
    "organizations": (TypeAdapter(list[Organization]), "regpub organizations.yml"),
    "version": (TypeAdapter(VersionFile), "Front matter of an earlier text of a regpub regulation"),
}


def json_schema(name: str = "document") -> dict[str, Any]:
    adapter, title = SCHEMAS[name]
    schema = adapter.json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **schema}
