using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Organizations;

/// <summary><c>POST /organization/new</c>.</summary>
public sealed record CreateOrganizationCommand(OrganizationFields Fields, CallerIdentity Caller) : ICommand<OrganizationInfo>;
