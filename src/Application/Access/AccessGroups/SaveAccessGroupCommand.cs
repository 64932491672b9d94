using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.AccessGroups;

/// <summary>
/// <c>POST /model_access_group/new</c> (<paramref name="IsNew"/>) and <c>PUT /model_access_group/update</c>; the SaaS
/// dialect's group endpoints also send <see cref="Details"/>.
/// </summary>
public sealed record SaveAccessGroupCommand(string? Name, IReadOnlyList<string>? Models, bool IsNew, CallerIdentity Caller) : ICommand<AccessGroupInfo>
{
    /// <summary>The description to set; with it, null <see cref="Models"/> keeps the group's models (none for a new group).</summary>
    public AccessGroupDetails? Details { get; init; }
}
