using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Organizations;

/// <summary><c>GET /organization/info?organization_id=</c>.</summary>
public sealed record GetOrganizationInfoQuery(string? OrganizationId, CallerIdentity Caller) : IQuery<OrganizationInfo>;
