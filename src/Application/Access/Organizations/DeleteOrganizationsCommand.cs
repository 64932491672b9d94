using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Organizations;

/// <summary><c>DELETE /organization/delete</c> with <c>{"organization_ids": [...]}</c>.</summary>
public sealed record DeleteOrganizationsCommand(IReadOnlyList<string>? OrganizationIds, CallerIdentity Caller)
    : ICommand<IReadOnlyList<string>>;
