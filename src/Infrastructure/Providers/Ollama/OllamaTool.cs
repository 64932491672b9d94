using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Infrastructure.Providers.Ollama;

/// <summary>A tool in OpenAI's shape, which Ollama takes as it is.</summary>
internal sealed record OllamaTool(string Type, FunctionDefinition Function);
