using System.Text.Json;

namespace LlmPlatform.Infrastructure.Providers.Ollama;

/// <summary>A function call; unlike OpenAI, the arguments are a JSON object, not text.</summary>
internal sealed record OllamaFunctionCall(string Name, JsonElement? Arguments);
