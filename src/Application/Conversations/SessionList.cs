namespace LlmPlatform.Application.Conversations;

/// <summary>The answer of <c>GET /v1/sessions</c>: the caller's sessions, the most recently used first.</summary>
public sealed record SessionList(IReadOnlyList<SessionSummary> Sessions);
