using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Organizations;

/// <summary><c>DELETE /organization/member/delete</c> with <c>{organization_id, user_id}</c>.</summary>
public sealed record RemoveOrganizationMemberCommand(string? OrganizationId, string? UserId, CallerIdentity Caller) : ICommand<OrganizationInfo>;
