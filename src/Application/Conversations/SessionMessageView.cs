namespace LlmPlatform.Application.Conversations;

/// <summary>A session's message as the gateway-user dialect shows it.</summary>
public sealed record SessionMessageView(string Id, string Role, string Content, DateTimeOffset CreatedAt);
