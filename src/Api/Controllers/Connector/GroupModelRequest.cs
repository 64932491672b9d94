namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>The body of <c>POST /admin/group/bind-or-unbind-model</c>.</summary>
public sealed record GroupModelRequest
{
    public long? GroupId { get; init; }

    public long? ModelId { get; init; }
}
