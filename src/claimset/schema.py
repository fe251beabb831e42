"""The explicit Arrow schemas of the dataset (never inferred), with a description per field.

The descriptions feed the Parquet field metadata, the dataset card (``datapackage.json``) and the
README's schema table, so the three cannot drift apart.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "1.3"  # 1.1: claims.confidence; 1.2: papers.update_date, categories, doi, arxiv_id;
# 1.3: claims.found_by, claims.type_agree

# (name, arrow type, nullable, description)
PAPER_FIELDS: list[tuple[str, pa.DataType, bool, str]] = [
    ("paper_id", pa.string(), False, "Input id where the input has one, else the first 10 hex digits of SHA-1 of the UTF-8 title."),
    ("title", pa.string(), False, "Paper title (whitespace collapsed)."),
    ("abstract", pa.string(), False, "Abstract, verbatim (surrounding whitespace stripped); claim offsets index into it."),
    ("date", pa.date32(), True, "Publication date, when the input gives a full date."),
    ("date_text", pa.string(), True, "The date as the input writes it (seed listings may omit the year)."),
    ("url", pa.string(), True, "Link to the paper (arXiv abs page for arXiv ids)."),
    ("authors", pa.list_(pa.string()), True, "Author names, when the input lists them."),
    ("n_authors", pa.int32(), True, "Number of authors, when known."),
    ("organization", pa.string(), True, "Organisation, when the input says."),
    ("source", pa.string(), True, "Where the record was read: file:line (or file:row)."),
    ("update_date", pa.date32(), True, "When the input's record was last updated (arXiv's update_date; date is the first version's)."),
    ("categories", pa.string(), True, "Subject categories, space-separated (arXiv: 'cs.LG stat.ML')."),
    ("doi", pa.string(), True, "DOI, when the input gives one."),
    ("arxiv_id", pa.string(), True, "arXiv identifier, when known."),
]

CLAIM_FIELDS: list[tuple[str, pa.DataType, bool, str]] = [
    ("claim_id", pa.string(), False, "Stable id: 'c' + 12 hex of SHA-1 over paper_id, claim_type, start, end and number."),
    ("paper_id", pa.string(), False, "The paper the claim is in (joins papers.paper_id)."),
    ("claim_type", pa.string(), False, "speedup | memory_reduction | compute_reduction | model_size | dataset_size | benchmark_score."),
    ("value", pa.float64(), False, "The number as written, magnitudes folded (540B -> 5.4e11; 98% -> 98; 6.13x -> 6.13)."),
    ("value_max", pa.float64(), True, "High end of a range ('6-10x' -> 10), else null."),
    ("unit", pa.string(), True, "x, %, params, tokens, a data unit (examples, images, ...), a metric unit (points, s, FLOPs, GB), USD for dollar amounts, or null."),
    ("qualifier", pa.string(), False, "exact | approx | upper | lower (up to / more than / about ...)."),
    ("number", pa.string(), False, "The numeric text exactly as written: abstract[start:end] == number."),
    ("start", pa.int32(), False, "Character offset (Python string index) of number in the abstract."),
    ("end", pa.int32(), False, "End offset (exclusive) of number in the abstract."),
    ("sentence", pa.string(), False, "The sentence holding the number, verbatim (quote it)."),
    ("subject", pa.string(), True, "The model, method or system the claim is about, as written."),
    ("baseline", pa.string(), True, "What it is compared against, as written."),
    ("benchmark", pa.string(), True, "For benchmark_score: the dataset or benchmark named."),
    ("metric", pa.string(), True, "For benchmark_score: the metric named."),
    ("confidence", pa.float64(), False, "Calibrated probability that the claim (type, span and value) is right, from the evidence the extractor used."),
    ("extractor", pa.string(), False, "name/version of the extractor that made the claim."),
    ("found_by", pa.string(), False, "rules | llm | both: who found the claim (both: proposed by the rules and confirmed by the model, in the hybrid extractor)."),
    ("type_agree", pa.bool_(), True, "For found_by 'both': whether the model kept the type the rules gave; else null."),
]


def _schema(fields: list[tuple[str, pa.DataType, bool, str]], kind: str, extra: dict[str, str] | None = None) -> pa.Schema:
    meta = {"claimset.schema_version": SCHEMA_VERSION, "claimset.table": kind}
    meta.update(extra or {})
    return pa.schema(
        [pa.field(n, t, nullable=nl, metadata={"description": d}) for n, t, nl, d in fields],
        metadata={k.encode(): v.encode() for k, v in meta.items()},
    )


def papers_schema(extra: dict[str, str] | None = None) -> pa.Schema:
    return _schema(PAPER_FIELDS, "papers", extra)


def claims_schema(extra: dict[str, str] | None = None) -> pa.Schema:
    return _schema(CLAIM_FIELDS, "claims", extra)


_FRICTIONLESS_TYPES = {
    pa.string(): "string",
    pa.float64(): "number",
    pa.int32(): "integer",
    pa.date32(): "date",
    pa.bool_(): "boolean",
}


# Closed sets, declared in the data package as Table Schema enum constraints.
ENUMS: dict[str, list[str]] = {
    "claim_type": ["speedup", "memory_reduction", "compute_reduction", "model_size", "dataset_size", "benchmark_score"],
    "qualifier": ["exact", "approx", "upper", "lower"],
    "found_by": ["rules", "llm", "both"],
}


def frictionless_fields(fields: list[tuple[str, pa.DataType, bool, str]]) -> list[dict]:
    """Table Schema field descriptors for a data package."""
    out = []
    for name, typ, nullable, desc in fields:
        # a Parquet list reaches Frictionless as a numpy array, which its "array" type refuses: "any"
        f = {"name": name, "type": _FRICTIONLESS_TYPES.get(typ, "any"), "description": desc}
        constraints = {"required": True} if not nullable else {}
        if name in ENUMS:
            constraints["enum"] = ENUMS[name]
        if constraints:
            f["constraints"] = constraints
        out.append(f)
    return out


def markdown_table(fields: list[tuple[str, pa.DataType, bool, str]]) -> str:
    lines = ["| column | type | null | meaning |", "| --- | --- | --- | --- |"]
    for name, typ, nullable, desc in fields:
        shown = f"list<{typ.value_type}>" if pa.types.is_list(typ) else typ  # Parquet names the item "element"
        lines.append(f"| `{name}` | {shown} | {'yes' if nullable else 'no'} | {desc.replace('|', '/')} |")
    return "\n".join(lines)
