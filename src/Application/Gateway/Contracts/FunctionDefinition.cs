using System.Text.Json;

namespace LlmPlatform.Application.Gateway.Contracts;

public sealed record FunctionDefinition
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public JsonElement? Parameters { get; init; }

    public bool? Strict { get; init; }
}
