using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Organizations;

/// <summary><c>PATCH /organization/update</c>.</summary>
public sealed record UpdateOrganizationCommand(OrganizationFields Fields, CallerIdentity Caller) : ICommand<OrganizationInfo>;
