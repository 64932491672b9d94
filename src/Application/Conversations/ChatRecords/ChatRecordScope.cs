namespace LlmPlatform.Application.Conversations.ChatRecords;

/// <summary>
/// One key's own records: the sessions it owns (<c>key:&lt;hash&gt;</c>), and those of its integer id, which survive a
/// new secret.
/// </summary>
public sealed record ChatRecordScope(string Owner, string KeyHash);
