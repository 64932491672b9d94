using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Organizations;

/// <summary><c>POST /organization/member/add</c>.</summary>
public sealed record AddOrganizationMembersCommand(string? OrganizationId, IReadOnlyList<OrganizationMember>? Members, CallerIdentity Caller)
    : ICommand<OrganizationInfo>;
