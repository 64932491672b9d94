using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.SaasTeams;

/// <summary>
/// <c>POST /api/teams/create</c>: a team with its model access groups, a credit account with its first credits, and
/// the team's virtual key (shown this once).
/// </summary>
public sealed record CreateSaasTeamCommand(
    string? TeamId,
    string? TeamAlias,
    string? OrganizationId,
    IReadOnlyList<string>? AccessGroups,
    long? CreditsAllocated,
    Dictionary<string, JsonElement>? Metadata,
    CallerIdentity Caller) : ICommand<SaasTeamView>;
