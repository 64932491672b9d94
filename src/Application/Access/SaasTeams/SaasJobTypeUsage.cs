namespace LlmPlatform.Application.Access.SaasTeams;

/// <summary>The jobs of one type in a month: how many, and what they cost.</summary>
public sealed record SaasJobTypeUsage(int Count, decimal CostUsd);
