namespace LlmPlatform.Application.Conversations;

/// <summary>One session in <c>GET /v1/sessions</c>.</summary>
public sealed record SessionSummary(string Id, string? Title, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
