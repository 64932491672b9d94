namespace LlmPlatform.Application.Access.AccessGroups;

/// <summary>
/// What describes a group besides its models (the SaaS dialect's display name, description and status); null
/// fields are not given. A save that carries details may leave the models out (kept) or empty.
/// </summary>
public sealed record AccessGroupDetails
{
    public const string Active = "active";

    public const string Inactive = "inactive";

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary><see cref="Active"/> or <see cref="Inactive"/>.</summary>
    public string? Status { get; init; }
}
