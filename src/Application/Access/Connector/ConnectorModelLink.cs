namespace LlmPlatform.Application.Access.Connector;

/// <summary>A model authorised to a key or a group; <see cref="ModelId"/> is null for a model of the configuration file.</summary>
public sealed record ConnectorModelLink
{
    public long? KeyId { get; init; }

    public long? GroupId { get; init; }

    public long? ModelId { get; init; }

    public required string ModelName { get; init; }
}
