"""The ``claimset`` command line: parse arguments, call the library, print. No logic lives here.

Data goes to stdout, messages (progress, summaries, errors) to stderr. A library error prints one
line naming what and where, and exits 1; ``--verbose`` shows the traceback.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from .errors import ClaimsetError

app = typer.Typer(
    name="claimset",
    help="Typed numeric claims from ML paper abstracts, as a Parquet dataset you can cite.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
# Piped output is read by people too: do not squeeze tables into 80 columns.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 220)
err = Console(stderr=True, soft_wrap=True)
_state = {"verbose": False}


def _version(value: bool) -> None:
    if value:
        from . import __version__

        out.print(f"claimset {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show tracebacks on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """claimset: extract, inspect, evaluate and analyse claims."""
    _state["verbose"] = verbose


def _handled(fn):
    """Turn library errors into one line on stderr and exit code 1 (traceback with --verbose)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except BrokenPipeError:
            from ._entry import quiet_pipe_exit

            quiet_pipe_exit()
        except ClaimsetError as exc:
            if _state["verbose"]:
                raise
            err.print(f"[bold red]error:[/] {exc}", markup=True, highlight=False)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            err.print("interrupted; the previous dataset, if any, is unchanged")
            raise typer.Exit(130) from None
        except OSError as exc:  # disk full, read-only, permission denied: what and where, one line
            if _state["verbose"]:
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            err.print(f"[bold red]error:[/] {where}{exc.strerror or exc}", markup=True, highlight=False)
            raise typer.Exit(1) from None
        except Exception as exc:  # an unexpected failure: still one line unless --verbose
            if _state["verbose"]:
                raise
            err.print(f"[bold red]error:[/] {type(exc).__name__}: {exc} (run with --verbose for the traceback)",
                      markup=True, highlight=False)
            raise typer.Exit(1) from None

    return wrapper


DatasetArg = Annotated[
    Optional[Path], typer.Argument(help="Dataset folder (default: the bundled datasets/claimset-seeds).", show_default=False)
]


def _leading_dataset(words: list[str], dataset: Path | None) -> tuple[Path | None, str]:
    """`search DATASET WORDS...`, as `show DATASET` is written: a first word that is a dataset folder
    (and no --dataset) names the dataset; the other words are the query."""
    if dataset is None and words and (Path(words[0]) / "datapackage.json").is_file():
        return Path(words[0]), " ".join(words[1:])
    return dataset, " ".join(words)


def _dataset(path: Path | None) -> Path:
    from .pipeline import bundled_dataset

    return path if path is not None else bundled_dataset()


# ------------------------------------------------------------------------------------ LLM options

_LLM = "LLM extractors (--extractor llm|hybrid)"
ModelOpt = Annotated[Optional[str], typer.Option("--model", help="Model name at the endpoint.", rich_help_panel=_LLM)]
BaseUrlOpt = Annotated[Optional[str], typer.Option("--base-url", help="An OpenAI-compatible server (http://localhost:8080/v1); default: OpenAI.", rich_help_panel=_LLM)]
KeyEnvOpt = Annotated[str, typer.Option("--api-key-env", help="Environment variable holding the API key (the key is never written anywhere).", rich_help_panel=_LLM)]
ModeOpt = Annotated[str, typer.Option("--mode", help="auto | json_schema (OpenAI structured outputs, vLLM, llama-server) | json_object (llama-cpp-python) | tools | json. auto: tools for OpenAI, else json_schema, falling back to json_object if refused.", rich_help_panel=_LLM)]
ConcOpt = Annotated[int, typer.Option("--concurrency", min=1, help="Requests in flight.", rich_help_panel=_LLM)]
RetriesOpt = Annotated[int, typer.Option("--max-retries", min=0, help="Re-asks after an answer fails validation (each re-ask sends the error).", rich_help_panel=_LLM)]
BudgetOpt = Annotated[Optional[int], typer.Option("--budget-tokens", min=0, help="Hard limit on prompt + completion tokens: no request starts that could pass it; papers done so far are written.", rich_help_panel=_LLM)]
MaxTokOpt = Annotated[int, typer.Option("--max-tokens", min=16, help="Completion tokens per request at most.", rich_help_panel=_LLM)]
CacheOpt = Annotated[Optional[Path], typer.Option("--cache-dir", help="Answer cache (default: $CLAIMSET_CACHE_DIR or ~/.cache/claimset/llm).", rich_help_panel=_LLM)]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the answer cache.", rich_help_panel=_LLM)]
PriceOpt = Annotated[Optional[str], typer.Option("--price", help="USD per 1M prompt,completion tokens (e.g. 0.15,0.60), to report the cost.", rich_help_panel=_LLM)]


def _llm_config(extractor: str, model, base_url, api_key_env, mode, concurrency, max_retries, budget, max_tokens,
                cache_dir, no_cache, price):
    """The endpoint settings for the llm/hybrid extractors (None for the rules)."""
    if extractor not in ("llm", "hybrid"):
        return None
    from .llm import LLMConfig, default_cache_dir

    try:
        p_in, p_out = (float(x) for x in price.split(",")) if price else (0.0, 0.0)
    except ValueError:
        raise ClaimsetError(f"--price takes two numbers, prompt,completion (got {price!r})") from None
    return LLMConfig(model=model or "", base_url=base_url, api_key_env=api_key_env, mode=mode, concurrency=concurrency,
                     max_retries=max_retries, budget_tokens=budget, max_tokens=max_tokens,
                     cache_dir=cache_dir or default_cache_dir(), use_cache=not no_cache,
                     price_prompt=p_in, price_completion=p_out)


# ------------------------------------------------------------------------------------ extract


@app.command()
@_handled
def extract(
    inputs: Annotated[Optional[list[Path]], typer.Argument(
        help="Corpus files or folders (seed .txt dumps, .jsonl, .json, .csv, .parquet). "
             "Default: the bundled seed corpus (datasets/corpus).", show_default=False)] = None,
    out_dir: Annotated[Optional[Path], typer.Option("--out", "-o", help="Dataset folder to write "
                       "(default: datasets/claimset-seeds for the bundled corpus, else ./claimset-dataset).")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", help="Force the input format: seeds, jsonl, json, csv, parquet.")] = None,
    id_col: Annotated[Optional[str], typer.Option("--id-col", help="Column holding the paper id.")] = None,
    title_col: Annotated[Optional[str], typer.Option("--title-col", help="Column holding the title.")] = None,
    abstract_col: Annotated[Optional[str], typer.Option("--abstract-col", help="Column holding the abstract.")] = None,
    date_col: Annotated[Optional[str], typer.Option("--date-col", help="Column holding the publication date.")] = None,
    url_col: Annotated[Optional[str], typer.Option("--url-col", help="Column holding the URL.")] = None,
    authors_col: Annotated[Optional[str], typer.Option("--authors-col", help="Column holding the authors (a list, or names separated by commas, semicolons or 'and').")] = None,
    extractor: Annotated[str, typer.Option(help="rules (default, no network) | hybrid (rules propose, a model confirms and adds) | llm (a model reads each abstract).")] = "rules",
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")] = True,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores). The output is the same for any number.")] = None,
    category: Annotated[Optional[str], typer.Option("--category", help="Keep only papers in these arXiv categories or archives, comma-separated (cs.LG,cs.CL or cs).")] = None,
    engine: Annotated[str, typer.Option("--engine", help="local (worker processes on this machine) or dask (one task per input file; a partitioned dataset).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="--engine dask: the scheduler address (tcp://host:8786); default: a LocalCluster here.")] = None,
    append: Annotated[bool, typer.Option("--append", help="Add to the dataset at --out: keep its papers and claims (ids unchanged) and extract only papers it does not hold.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Stop (writing nothing) at an input file that cannot be read; by default it is listed in the summary and the other files are read.")] = False,
    model: ModelOpt = None, base_url: BaseUrlOpt = None, api_key_env: KeyEnvOpt = "OPENAI_API_KEY", mode: ModeOpt = "auto",
    concurrency: ConcOpt = 4, max_retries: RetriesOpt = 1, budget_tokens: BudgetOpt = None, max_tokens: MaxTokOpt = 1024,
    cache_dir: CacheOpt = None, no_cache: NoCacheOpt = False, price: PriceOpt = None,
) -> None:
    """Extract claims from abstracts into a Parquet dataset (papers, claims, card).

    Reads seed dumps, JSON Lines (also inside .json, as the arXiv metadata snapshot is), JSON, CSV
    and Parquet, plain or compressed (.gz, .bz2, .zst). The write is atomic: if anything fails, the
    previous dataset is left as it was.
    """
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from .batches import default_jobs
    from .corpus import ColumnMap
    from .pipeline import bundled_corpus, bundled_dataset, extract_corpus

    if not inputs:
        inputs = [bundled_corpus()]
        out_dir = out_dir or bundled_dataset()
    out_dir = out_dir or Path("claimset-dataset")
    columns = ColumnMap(id=id_col, title=title_col, abstract=abstract_col, date=date_col, url=url_col, authors=authors_col)
    bar = Progress(TextColumn("extracting"), BarColumn(), TaskProgressColumn(), TextColumn("{task.fields[papers]:,} papers"),
                   TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                   console=err, transient=True, disable=not progress)
    llm = _llm_config(extractor, model, base_url, api_key_env, mode, concurrency, max_retries, budget_tokens, max_tokens,
                      cache_dir, no_cache, price)
    if engine == "dask":
        from .cluster import extract_on_dask

        summary = extract_on_dask(inputs, out_dir, scheduler=scheduler, format=fmt, columns=columns, extractor=extractor,
                                  n_workers=jobs or default_jobs())
        _print_summary(summary)
        return
    if engine != "local":
        raise ClaimsetError(f"unknown engine {engine!r} (local, dask)")
    with bar:
        task = bar.add_task("extract", total=None, papers=0)

        def tick(p) -> None:
            bar.update(task, completed=p.bytes_read, total=p.total_bytes or None, papers=p.papers)

        summary = extract_corpus(inputs, out_dir, format=fmt, columns=columns, extractor=extractor, progress=tick,
                                 jobs=jobs or default_jobs(), categories=category.split(",") if category else None,
                                 llm=llm, append=append, strict=strict)
    _print_summary(summary)


def _print_summary(summary) -> None:
    c = summary.corpus
    table = Table(title=f"claimset extract → {summary.out}", show_header=True, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("input files", str(len(c.files)))
    table.add_row("records read", str(c.n_records))
    table.add_row("duplicate records merged", str(c.n_duplicates))
    if c.n_id_conflicts:
        table.add_row("records sharing an id with another paper (kept, id suffixed)", str(c.n_id_conflicts))
    for reason, n in sorted(c.skipped.items()):
        table.add_row(f"records skipped ({reason})", str(n))
    table.add_row("papers", str(c.n_papers), style="bold")
    if c.unparsed_dates:
        table.add_row("  dates not read as a full date (kept as date_text)", str(c.unparsed_dates))
    table.add_row("papers with claims", str(summary.papers_with_claims))
    table.add_row("claims", str(summary.n_claims), style="bold")
    for t, n in summary.per_type.items():
        table.add_row(f"  {t}", str(n))
    err.print(table)
    err.print(f"extractor {summary.extractor}; {c.n_papers:,} papers in {summary.seconds:.1f} s "
              f"({summary.rate:,.{0 if summary.rate >= 10 else 2}f} papers/s, " + (f"{summary.jobs} job{'s' if summary.jobs != 1 else ''})" if summary.jobs else "Dask)"))
    for note in summary.notes:
        err.print(note)
    if summary.llm:
        _print_llm(summary.llm)


def _print_llm(s: dict) -> None:
    """What the model did: abstracts sent and cached, tokens, cost, drops, budget."""
    est = " (estimated: the server reported no usage)" if s["estimated"] else ""
    err.print(f"model: {s['abstracts_sent']:,} abstracts with numbers answered ({s['papers_asked']:,} by the server in "
              f"{s['requests']:,} requests, {s['papers_cached']:,} from the cache), {s['papers_no_number']:,} without numbers not sent; "
              f"mode {s['mode']}")
    err.print(f"tokens: {s['prompt_tokens']:,} prompt + {s['completion_tokens']:,} completion{est}, "
              f"{s['tokens_per_abstract']:,.0f} per abstract sent; cost ${s['cost']:.4f}")
    err.print(f"claims by source: {json.dumps(s['sources'])}; rules and model agreed on the type: {json.dumps(s['type_agree'])}; "
              f"candidates rejected: {s['rejected']}")
    err.print(f"dropped: {s['invented_dropped']} quoted number(s) not in the abstract after the re-ask, "
              f"{s['unparsed_dropped']} quote(s) that are not a number")
    for reason, n in sorted(s["failed"].items()):
        err.print(f"{n} abstract(s) without a usable answer ({reason})" + ("; their rule claims are kept" if s["sources"] else ""))
    if s["budget_stopped"]:
        err.print(f"[bold yellow]budget reached:[/] {s['papers_seen'] - s['papers_not_reached']:,} of {s['papers_seen']:,} papers done "
                  f"and written; re-run with a larger --budget-tokens to go on (answers so far are cached)", markup=True)


@app.command()
@_handled
def merge(
    first: Annotated[Path, typer.Argument(help="A dataset: all its papers and claims are kept.")],
    second: Annotated[Path, typer.Argument(help="Another dataset: its papers not in the first are added.")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="The new dataset folder.")],
) -> None:
    """Merge two datasets into a new one.

    Papers are de-duplicated by title and abstract; every claim id of the first is kept; both
    datasets are recorded as sources in the card."""
    from .grow import merge as run

    s = run(first, second, out_dir)
    err.print(f"merged {s.papers:,} papers and {s.claims:,} claims into {s.out}: {s.duplicates:,} paper(s) of the "
              f"second were already in the first; {s.renamed:,} renamed (an id the first uses for another paper)")


@app.command()
@_handled
def enrich(
    dataset_arg: DatasetArg = None,
    dataset: DatasetOpt = None,
    source: Annotated[Path, typer.Option("--from", help="Metadata: arXiv snapshot lines, JSON Lines, CSV, BibTeX (.bib) or CSL-JSON (Zotero).")] = ...,
) -> None:
    """Fill missing authors, dates, DOIs and arXiv ids from another file.

    Papers are matched by normalised title. Claims and their ids are unchanged; a title whose
    records disagree is reported and left alone."""
    from .enrich import enrich as run

    s = run(_dataset(dataset or dataset_arg), source)
    filled = ", ".join(f"{k} {n}" for k, n in s.filled.items())
    err.print(f"{s.matched:,} of {s.papers:,} papers matched a record of {s.records:,} in {source.name}; filled: {filled}; "
              f"{len(s.ambiguous)} ambiguous (records disagree), {s.papers - s.matched - len(s.ambiguous):,} unmatched")
    for title in s.ambiguous[:5]:
        err.print(f"  ambiguous: {title}")


# --------------------------------------------------------------------------------------- show


@app.command()
@_handled
def show(
    dataset_arg: DatasetArg = None,
    dataset: Annotated[Optional[Path], typer.Option("--dataset", "-d", help="Dataset folder (default: the bundled one).")] = None,
    claim_type: Annotated[Optional[list[str]], typer.Option("--type", "-t", help="Only these claim types (repeatable).")] = None,
    min_value: Annotated[Optional[float], typer.Option("--min", help="Only claims with value >= this.")] = None,
    max_value: Annotated[Optional[float], typer.Option("--max", help="Only claims with value <= this.")] = None,
    grep: Annotated[Optional[str], typer.Option("--grep", "-g", help="Regex over sentence, subject, baseline, benchmark, metric (case-insensitive).")] = None,
    paper: Annotated[Optional[str], typer.Option("--paper", "-p", help="A paper_id, or words of its title.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many rows (0: all).")] = 50,
    min_confidence: Annotated[Optional[float], typer.Option("--min-confidence", help="Only claims with confidence >= this (0-1).", min=0.0, max=1.0)] = None,
    unit: Annotated[Optional[list[str]], typer.Option("--unit", "-u", help="Only claims in this unit (x, %, params, tokens, ...; repeatable). --min/--max need one unit.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Only papers published in this year.")] = None,
    since: Annotated[Optional[int], typer.Option("--since", help="Only papers published in this year or later.")] = None,
    until: Annotated[Optional[int], typer.Option("--until", help="Only papers published in this year or earlier.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table (two lines a claim below 120 columns), md, or data with typed columns: csv, json, jsonl.")] = "table",
) -> None:
    """Print claims of a dataset.

    A table on a wide terminal; below 120 columns two lines a claim, the number marked in a window
    of its sentence; or data with --format md/csv/json/jsonl, as search."""
    from .query import filter_claims

    df = filter_claims(_dataset(dataset or dataset_arg), types=claim_type, min_value=min_value, max_value=max_value,
                       grep=grep, paper=paper, min_confidence=min_confidence, units=unit,
                       since=year or since, until=year or until)
    _print_claims(df, fmt, limit, paper_col=False)


def _print_claims(df, fmt: str, limit: int, paper_col: bool) -> None:
    from .display import render, terminal_width
    from .query import render_rows

    if fmt not in ("table", "csv", "json", "jsonl", "md"):
        raise ClaimsetError(f"unknown format {fmt!r} (table, csv, json, jsonl, md)")
    total = df.height
    if limit:
        df = df.head(limit)
    if fmt != "table":
        sys.stdout.write(render_rows(df, fmt))
    else:
        out.print(render(df, terminal_width(out.width), paper_col), soft_wrap=False, overflow="ignore", crop=False)
    err.print(f"{df.height} of {total} matching claims shown")


# -------------------------------------------------------------------------------- search/cite

DatasetOpt = Annotated[Optional[Path], typer.Option("--dataset", "-d", help="Dataset folder (default: the bundled one).")]


@app.command()
@_handled
def search(
    words: Annotated[Optional[list[str]], typer.Argument(help="Words that must all appear in the sentence, subject, baseline or benchmark (quoted or not); a dataset folder may come first, as in `show`.", show_default=False)] = None,
    dataset: DatasetOpt = None,
    claim_type: Annotated[Optional[list[str]], typer.Option("--type", "-t", help="Only these claim types (repeatable).")] = None,
    min_value: Annotated[Optional[float], typer.Option("--min", help="Only claims with value >= this.")] = None,
    max_value: Annotated[Optional[float], typer.Option("--max", help="Only claims with value <= this.")] = None,
    benchmark: Annotated[Optional[str], typer.Option("--benchmark", "-b", help="Benchmark name contains this.")] = None,
    subject: Annotated[Optional[str], typer.Option("--subject", "-s", help="Subject contains this.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, md, or data with typed columns: csv, json, jsonl.")] = "table",
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many results (0: all).")] = 50,
    min_confidence: Annotated[Optional[float], typer.Option("--min-confidence", help="Only claims with confidence >= this (0-1).", min=0.0, max=1.0)] = None,
    unit: Annotated[Optional[list[str]], typer.Option("--unit", "-u", help="Only claims in this unit (x, %, params, tokens, ...; repeatable). --min/--max need one unit.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Only papers published in this year.")] = None,
    since: Annotated[Optional[int], typer.Option("--since", help="Only papers published in this year or later.")] = None,
    until: Annotated[Optional[int], typer.Option("--until", help="Only papers published in this year or earlier.")] = None,
) -> None:
    """Find claims by words of their sentence, subject, baseline or benchmark."""
    from .query import search_claims

    folder, query = _leading_dataset(words or [], dataset)
    df = search_claims(_dataset(folder), query or None, types=claim_type, min_value=min_value, max_value=max_value,
                       benchmark=benchmark, subject=subject, min_confidence=min_confidence, units=unit,
                       since=year or since, until=year or until)
    _print_claims(df, fmt, limit, paper_col=True)


@app.command()
@_handled
def cite(
    claim_ids: Annotated[list[str], typer.Argument(help="Claim ids (see `claimset search`).")],
    dataset: DatasetOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="markdown, bibtex, csl-json or text.")] = "markdown",
) -> None:
    """Quote claims verbatim with the number marked, and cite their papers (Markdown, BibTeX, CSL-JSON, text)."""
    from .cite import cite as run

    sys.stdout.write(run(_dataset(dataset), claim_ids, fmt))


@app.command()
@_handled
def export(
    dataset: DatasetOpt = None,
    claim_type: Annotated[Optional[list[str]], typer.Option("--type", "-t", help="Only these claim types (repeatable).")] = None,
    grep: Annotated[Optional[str], typer.Option("--grep", "-g", help="Regex over sentence, subject, baseline, benchmark, metric.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or latex (a review table), or data with typed columns: csv, json, jsonl.")] = "md",
    out_file: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write the table to this file (default: stdout); its BibTeX goes beside it (OUT with .bib) unless --bib says where.")] = None,
    bib: Annotated[Optional[Path], typer.Option("--bib", help="Write the BibTeX of the cited papers to this file. Without --bib or --out no BibTeX file is written.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace existing files that claimset did not write.")] = False,
    min_confidence: Annotated[Optional[float], typer.Option("--min-confidence", help="Only claims with confidence >= this (0-1).", min=0.0, max=1.0)] = None,
    unit: Annotated[Optional[list[str]], typer.Option("--unit", "-u", help="Only claims in this unit (x, %, params, tokens, ...; repeatable). --min/--max need one unit.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Only papers published in this year.")] = None,
    since: Annotated[Optional[int], typer.Option("--since", help="Only papers published in this year or later.")] = None,
    until: Annotated[Optional[int], typer.Option("--until", help="Only papers published in this year or earlier.")] = None,
) -> None:
    """A review-ready table of claims (subject, value, baseline, benchmark, metric, citation key) plus its BibTeX.

    Writes only the files named: an existing file is replaced only if claimset wrote it, or with --force.
    """
    from .cite import write_export

    notes: list[str] = []
    table, written = write_export(_dataset(dataset), out_file, bib, types=claim_type, format=fmt, grep=grep,
                                  force=force, min_confidence=min_confidence, units=unit,
                                  since=year or since, until=year or until, notes=notes)
    if table is not None:
        sys.stdout.write(table)
    for path in written:
        err.print(f"written: {path}")
    for note in notes:
        err.print(f"warning: {note}")


# ---------------------------------------------------------------------------------- fit/plot

RecipeArg = Annotated[str, typer.Argument(help="score-vs-size, score-vs-size-all, size-over-time, speedup-distribution, reduction-distribution, tokens-vs-params, tokens-per-param-over-time or speedups-by-year.")]
BenchOpt = Annotated[Optional[str], typer.Option("--benchmark", "-b", help="score-vs-size: benchmark name contains this (default: the commonest).")]
MetricOpt = Annotated[Optional[str], typer.Option("--metric", "-m", help="score-vs-size: metric name contains this.")]
FrontierOpt = Annotated[Optional[int], typer.Option("--frontier", help="size-over-time: frontier = top N by size at release.")]
LossOpt = Annotated[Optional[str], typer.Option("--loss", help="Power-law fits: ols (default) or huber.")]
BootOpt = Annotated[Optional[int], typer.Option("--n-boot", help="Bootstrap resamples.")]
SeedOpt = Annotated[Optional[int], typer.Option("--seed", help="Bootstrap seed.")]


def _recipe(recipe, dataset, benchmark, metric, frontier, loss, n_boot, seed):
    from .analysis.recipes import run_recipe

    return run_recipe(recipe, _dataset(dataset), benchmark=benchmark, metric=metric, frontier=frontier,
                      loss=loss, n_boot=n_boot, seed=seed)


@app.command()
@_handled
def fit(
    recipe: RecipeArg,
    dataset: DatasetOpt = None,
    benchmark: BenchOpt = None,
    metric: MetricOpt = None,
    frontier: FrontierOpt = None,
    loss: LossOpt = None,
    n_boot: BootOpt = None,
    seed: SeedOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
) -> None:
    """Fit a recipe's trend and print the figures (estimates, intervals, points and papers used and dropped)."""
    from .analysis.report import format_recipe

    res = _recipe(recipe, dataset, benchmark, metric, frontier, loss, n_boot, seed)
    if as_json:
        print(json.dumps(res.summary(), indent=2))
    else:
        print(format_recipe(res))
    failed = {name: f.message for name, f in res.fits.items() if not f.success}
    if failed:  # nothing to publish: say what is missing, and let scripts notice
        for name, message in failed.items():
            err.print(f"[bold red]no fit[/] ({res.recipe}{'' if len(res.fits) == 1 else ', ' + name}): {message}",
                      markup=True, highlight=False)
        raise typer.Exit(1)


@app.command()
@_handled
def plot(
    recipe: RecipeArg,
    out_file: Annotated[Path, typer.Option("--out", "-o", help="Chart file: .html (opens offline), .png or .svg.")],
    dataset: DatasetOpt = None,
    benchmark: BenchOpt = None,
    metric: MetricOpt = None,
    frontier: FrontierOpt = None,
    loss: LossOpt = None,
    n_boot: BootOpt = None,
    seed: SeedOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing chart file.")] = False,
) -> None:
    """Draw a recipe's chart (fitted in Python, with its confidence band) to HTML, PNG or SVG."""
    from .analysis.charts import chart_for, save_chart

    res = _recipe(recipe, dataset, benchmark, metric, frontier, loss, n_boot, seed)
    source = _dataset(dataset).resolve().name
    path = save_chart(chart_for(res, source=source), out_file, replace=force)
    err.print(f"{res.recipe}: {res.used_claims} claims from {res.used_papers} papers; chart written to {path}")
    for name, f in res.fits.items():
        if not f.success:
            err.print(f"no fit drawn ({name}): {f.message}")


@app.command()
@_handled
def report(
    dataset_arg: DatasetArg = None,
    dataset: DatasetOpt = None,
    out_file: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write (one self-contained file).")] = Path("report.html"),
    charts: Annotated[bool, typer.Option("--charts/--no-charts", help="Include every recipe's chart and figures.")] = True,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file that claimset did not write.")] = False,
) -> None:
    """Write one HTML page to browse a dataset offline.

    The page holds the card, every claim (filters by type, unit, benchmark, year and confidence;
    full-text search), each sentence with its number marked, copy buttons for the Markdown quote and
    BibTeX, and every chart with its figures."""
    from .report import build_report

    s = build_report(_dataset(dataset or dataset_arg), out_file, charts=charts, force=force)
    err.print(f"report of {s.claims:,} claims from {s.papers:,} papers and {s.charts} charts "
              f"({s.failed_fits} with too little data to fit) written to {s.out}")


# ----------------------------------------------------------------------------------- evaluate


@app.command()
@_handled
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold JSON Lines file (see gold/GUIDELINES.md).")],
    dataset: Annotated[Optional[Path], typer.Argument(help="Dataset to score; default: extract the gold file's abstracts now.", show_default=False)] = None,
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List misses, false positives and value errors.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    extractor: Annotated[str, typer.Option(help="Extractor to use when no dataset is given: rules, or llm/hybrid (scored side by side with the rules).")] = "rules",
    model: ModelOpt = None, base_url: BaseUrlOpt = None, api_key_env: KeyEnvOpt = "OPENAI_API_KEY", mode: ModeOpt = "auto",
    concurrency: ConcOpt = 4, max_retries: RetriesOpt = 1, budget_tokens: BudgetOpt = None, max_tokens: MaxTokOpt = 1024,
    cache_dir: CacheOpt = None, no_cache: NoCacheOpt = False, price: PriceOpt = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Score only the first N papers of the gold file (llm/hybrid: to bound the cost).", rich_help_panel=_LLM)] = None,
) -> None:
    """Score extraction against gold annotations: precision, recall, F1, value errors, field overlap.

    With --extractor llm or hybrid, the rules and the model-backed extractor are scored side by side
    on the same gold file, with their agreement, tokens and cost.
    """
    from .scoring import evaluate as run, format_report

    llm = _llm_config(extractor, model, base_url, api_key_env, mode, concurrency, max_retries, budget_tokens, max_tokens,
                      cache_dir, no_cache, price)
    if llm is not None and dataset is None:
        from .llm.evaluation import compare

        comparison = compare(gold, extractor, llm, limit)
        if as_json:
            out.print_json(json.dumps(comparison.summary()))
        else:
            print(comparison.format())
        return
    report = run(gold, dataset, extractor)
    if as_json:
        out.print_json(json.dumps(report.summary(errors=show_errors)))
        return
    print(format_report(report))
    if report.confusion:
        print("type confusion (gold -> predicted for missed gold claims): " + json.dumps(report.confusion))
    if show_errors:
        for x in report.misses:
            print(f"MISS {x['type']:<18} {x['number']!r:<16} predicted={x['predicted_type']} | {x['sentence']}")
        for x in report.false_positives:
            print(f"FP   {x['type']:<18} {x['number']!r:<16} | {x['sentence']}")
        for x in report.value_errors:
            print(f"VALUE {x['type']:<17} {x['number']!r:<16} gold={x['gold']} predicted={x['predicted']}")


# ------------------------------------------------------------------------------------- schema


@app.command()
@_handled
def schema(
    table: Annotated[str, typer.Argument(help="claims | papers | claim-json")] = "claims",
) -> None:
    """Print the dataset schema (markdown table) or the JSON Schema of a claim (claim-json)."""
    from .models import claim_json_schema
    from .schema import CLAIM_FIELDS, PAPER_FIELDS, markdown_table

    if table == "claim-json":
        print(json.dumps(claim_json_schema(), indent=2))
    elif table in ("claims", "papers"):
        print(markdown_table(CLAIM_FIELDS if table == "claims" else PAPER_FIELDS))
    else:
        raise ClaimsetError(f"unknown table {table!r} (claims, papers, claim-json)")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
