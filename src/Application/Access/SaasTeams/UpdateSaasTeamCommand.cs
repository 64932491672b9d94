using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.SaasTeams;

/// <summary><c>PUT /api/teams/{team_id}</c>: name, access groups and credit settings; null leaves a field as it is.</summary>
public sealed record UpdateSaasTeamCommand(
    string TeamId,
    string? TeamAlias,
    IReadOnlyList<string>? AccessGroups,
    long? CreditsAllocated,
    long? CreditsUsed,
    string? BudgetMode,
    decimal? CreditsPerDollar,
    CallerIdentity Caller) : ICommand<SaasTeamView>;
