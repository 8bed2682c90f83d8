"""Fakes that implement real interfaces over HTTP on 127.0.0.1 (an OpenAI-compatible LLM, the Slack
Web API), so the real client code (openai/langchain, slack_sdk) is exercised in tests."""
