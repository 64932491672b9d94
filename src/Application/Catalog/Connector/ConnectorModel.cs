namespace LlmPlatform.Application.Catalog.Connector;

/// <summary>
/// A stored model deployment as the Connector dialect shows it; prices are USD per million tokens, and
/// <see cref="Config"/> is the JSON string it was saved with, its api key masked.
/// </summary>
public sealed record ConnectorModel
{
    public required long Id { get; init; }

    /// <summary>The deployment underneath, for the admin API's <c>/model/*</c>.</summary>
    public required string DeploymentId { get; init; }

    public required string Name { get; init; }

    public long GroupId { get; init; }

    public bool Multiple { get; init; }

    public string Config { get; init; } = "{}";

    public string? Provider { get; init; }

    public decimal PriceIn { get; init; }

    public decimal PriceOut { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
