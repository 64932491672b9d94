namespace LlmPlatform.Infrastructure.Providers.Ollama;

internal sealed record OllamaToolCall(OllamaFunctionCall Function);
