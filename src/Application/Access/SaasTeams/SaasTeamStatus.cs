namespace LlmPlatform.Application.Access.SaasTeams;

/// <summary>A team's status after a suspend or a resume.</summary>
public sealed record SaasTeamStatus(string TeamId, string Status, string Message);
