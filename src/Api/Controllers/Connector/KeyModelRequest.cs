namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>The body of <c>POST /admin/api-key/bind-or-unbind-model</c>.</summary>
public sealed record KeyModelRequest
{
    public long? KeyId { get; init; }

    public long? ModelId { get; init; }
}
