"""The computed status of a regulation (README: "Computed status"); `Corpus.status` computes it."""

from __future__ import annotations

from enum import StrEnum

from generator.core.labels import STATUS


class Status(StrEnum):
    """Computed status of a regulation (README: "Computed status"), in the order the rules are tried."""

    DRAFT = "draft"
    REPEALED = "repealed"
    SUPERSEDED = "superseded"
    PENDING = "pending"
    EXPIRED = "expired"
    EXTERNAL = "external"
    IN_FORCE = "in_force"

    @property
    def label(self) -> str:
        return STATUS[self]
