namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>The body of <c>POST /admin/group/save</c>: no id creates, an id renames.</summary>
public sealed record SaveGroupRequest
{
    public long? Id { get; init; }

    public string? Name { get; init; }
}
