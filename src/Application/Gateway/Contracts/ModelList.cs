namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The answer of <c>GET /v1/models</c>.</summary>
public sealed record ModelList
{
    public string Object { get; init; } = "list";

    public required IReadOnlyList<ModelCard> Data { get; init; }
}
