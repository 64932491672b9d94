namespace LlmPlatform.Application.Access.Keys;

/// <summary>Filters and paging of <c>/key/list</c>.</summary>
public sealed record KeyQuery
{
    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    public string? KeyAlias { get; init; }

    /// <summary>When set, only keys of these teams or of <see cref="OwnerUserId"/> are listed.</summary>
    public IReadOnlyList<string>? VisibleTeams { get; init; }

    public string? OwnerUserId { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;
}
