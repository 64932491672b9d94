using System.Text.Json;

namespace LlmPlatform.Application.Gateway.Contracts;

public sealed record FunctionDefinition
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public JsonElement? Parameters { get; set; }

    public bool? Strict { get; set; }
}
