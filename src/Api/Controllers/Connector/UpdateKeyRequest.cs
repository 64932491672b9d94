namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>The body of <c>POST /admin/api-key/update</c>: the fields given change.</summary>
public sealed record UpdateKeyRequest
{
    public long? Id { get; init; }

    public string? Name { get; init; }

    public string? Role { get; init; }

    public long? GroupId { get; init; }

    public decimal? MonthQuota { get; init; }
}
