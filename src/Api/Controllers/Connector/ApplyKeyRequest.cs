namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>The body of <c>POST /admin/api-key/apply</c>; <c>role</c> is <c>user</c> (default) or <c>admin</c>.</summary>
public sealed record ApplyKeyRequest
{
    public string? Name { get; init; }

    public long? GroupId { get; init; }

    public string? Role { get; init; }

    public string? Email { get; init; }

    /// <summary>USD a month.</summary>
    public decimal? MonthQuota { get; init; }
}
