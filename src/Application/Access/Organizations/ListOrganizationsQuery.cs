using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Organizations;

/// <summary><c>GET /organization/list</c>: every organization for admins and viewers, otherwise the caller's.</summary>
public sealed record ListOrganizationsQuery(CallerIdentity Caller) : IQuery<IReadOnlyList<OrganizationInfo>>;
