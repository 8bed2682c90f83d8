"""The language-model side: an OpenAI-compatible chat client, token budgets, and the system prompt.

The deterministic engine needs none of this; it is used only when `COSELL_LLM_BASE_URL` is set.
Everything heavy (langchain, openai) is imported inside functions so `import assistant.core.llm` is free.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from assistant.core.config import Settings
from prompts import load_prompt as load

if TYPE_CHECKING:  # langchain is heavy: imported where used
    from langchain_core.language_models.chat_models import BaseChatModel

log = logging.getLogger(__name__)

ANSWER_RESERVE_TOKENS = 1024  # room left in the context window for the model's own answer


class LLMUnavailable(RuntimeError):
    """The LLM endpoint failed (timeout, HTTP error, malformed reply); the caller falls back."""


# --- tokens ----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _counter():
    """cl100k_base through `assistant.core.tokens` (offline encoding set up there), else a len/4 estimate."""
    try:
        from assistant.core.tokens import (
            count_tokens as counter,  # heavy: tiktoken's encodings, on first count
        )

        counter("probe")  # fails here, once, if the offline encoding cannot be set up
        return counter
    # missing module or encoding: an estimate is good enough for budgeting
    except Exception:
        log.info("assistant.core.tokens unavailable; estimating tokens as len/4")
        return lambda text: (len(text) + 3) // 4


def count_tokens(text: str) -> int:
    return int(_counter()(text or ""))


def trim_to_tokens(text: str, budget: int) -> str:
    """Cut `text` to about `budget` tokens, saying that it was cut (the model should know)."""
    if budget <= 0:
        return ""
    if count_tokens(text) <= budget:
        return text
    low, high = 0, len(text)
    while low < high:  # binary search on characters: token counts are monotonic enough
        mid = (low + high + 1) // 2
        if count_tokens(text[:mid]) <= budget - 8:
            low = mid
        else:
            high = mid - 1
    return text[:low] + " …[truncated]"


def trim_history(messages: list[dict[str, str]], budget: int) -> list[dict[str, str]]:
    """Keep the most recent messages that fit in `budget` tokens (oldest dropped first)."""
    kept: list[dict[str, str]] = []
    used = 0
    for message in reversed(messages):
        cost = count_tokens(message.get("content", "")) + 4
        if used + cost > budget:
            break
        kept.append(message)
        used += cost
    return list(reversed(kept))


def tool_output_budget(settings: Settings, system_tokens: int, n_calls: int = 1) -> int:
    """Tokens one tool result may take so that the whole prompt stays inside the window."""
    free = settings.llm_context_tokens - ANSWER_RESERVE_TOKENS - system_tokens
    return max(128, free // (2 * max(1, n_calls)))


def dumps_for_model(data: Any, budget: int) -> str:
    """A tool result as compact JSON for the model, trimmed to its budget."""
    return trim_to_tokens(json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":")), budget)


# --- prompts and client ----------------------------------------------------------------------------


def load_prompt(name: str) -> str:
    """A prompt template from `prompts/NAME.md` (the shared loader in `prompts`)."""

    return load(name)


def build_chat_model(settings: Settings) -> BaseChatModel:
    """LangChain's ChatOpenAI against any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, llama.cpp)."""
    if not settings.llm_base_url:
        raise LLMUnavailable("COSELL_LLM_BASE_URL is not set")
    from langchain_openai import ChatOpenAI

    api_key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "x"
    return ChatOpenAI(
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        api_key=api_key,
        timeout=min(settings.llm_timeout_s, settings.llm_budget_s),  # never past the per-ask budget
        max_retries=settings.llm_max_retries,  # the openai client retries with exponential backoff
        temperature=0,
        max_completion_tokens=ANSWER_RESERVE_TOKENS,
        # some OpenAI-compatible servers ignore max_completion_tokens (STACK.md)
        extra_body={"max_tokens": ANSWER_RESERVE_TOKENS},
    )


# --- the one client ---------------------------------------------------------------------------------


class ChatModel(Protocol):
    """What the copilot asks of a language model; the agent and draft rewriting both go through it."""

    def complete(self, system: str, user: str, *, temperature: float = 0.0) -> str:
        """One system + user exchange; the model's text. Failures are `LLMUnavailable` with a reason."""

    def with_tools(self, schemas: list[dict]) -> Any:
        """A LangChain runnable that takes messages and may answer with tool calls (the agent loop)."""


class OpenAICompatibleChat:
    """`ChatModel` over any OpenAI-compatible endpoint, through LangChain's ChatOpenAI."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def complete(self, system: str, user: str, *, temperature: float = 0.0) -> str:
        import openai  # heavy: only when an LLM is configured
        from langchain_core.messages import HumanMessage, SystemMessage  # heavy: langchain

        model = build_chat_model(self.settings).bind(temperature=temperature)
        try:
            reply = model.invoke([SystemMessage(content=system), HumanMessage(content=user)])
        except openai.APITimeoutError:
            raise LLMUnavailable(f"the LLM did not answer within {self.settings.llm_timeout_s:g}s") from None
        except openai.APIStatusError as exc:
            raise LLMUnavailable(f"the LLM endpoint answered HTTP {exc.status_code}") from None
        except openai.APIConnectionError:
            raise LLMUnavailable(f"could not reach the LLM endpoint {self.settings.llm_base_url}") from None
        content = reply.content if isinstance(reply.content, str) else ""
        if not content.strip():
            raise LLMUnavailable("the LLM returned an empty answer")
        return content

    def with_tools(self, schemas: list[dict]) -> Any:
        return build_chat_model(self.settings).bind_tools(schemas)


def chat_model(settings: Settings) -> ChatModel:
    """The configured chat model (one place to add another provider)."""
    return OpenAICompatibleChat(settings)
