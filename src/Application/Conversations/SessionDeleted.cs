namespace LlmPlatform.Application.Conversations;

/// <summary>The answer of <c>DELETE /v1/sessions/{id}</c>.</summary>
public sealed record SessionDeleted(string Id, bool Deleted);
