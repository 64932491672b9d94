namespace LlmPlatform.Application.Conversations;

/// <summary>One message of a conversation, in the order it was added.</summary>
public sealed record ConversationMessage
{
    public required Guid MessageId { get; init; }

    public required string Role { get; init; }

    public required string Content { get; init; }

    public string? Model { get; init; }

    public string? RequestId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
