namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>One model of <c>GET /v1/models</c>.</summary>
public sealed record ModelCard
{
    public required string Id { get; init; }

    public string Object { get; init; } = "model";

    public long Created { get; init; }

    public required string OwnedBy { get; init; }
}
