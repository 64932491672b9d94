namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>The body of the Connector's delete and reset calls: <c>{"id": 1}</c>.</summary>
public sealed record ConnectorIdRequest
{
    public long? Id { get; init; }
}
