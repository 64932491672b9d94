namespace LlmPlatform.Application.Conversations.ChatRecords;

/// <summary>
/// One recorded exchange (a thread) as the Connector dialect shows it: the last user message, the answer's text, their
/// tokens and fee (USD). <c>model_id</c> is the integer id of the deployment that answered when it is a stored one.
/// </summary>
public sealed record ChatThreadRecord
{
    public required long Id { get; init; }

    public required long SessionId { get; init; }

    public long? KeyId { get; init; }

    public long? ModelId { get; init; }

    public required string Model { get; init; }

    public required string Prompt { get; init; }

    public required string Completion { get; init; }

    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    public decimal Fee { get; init; }

    public string Currency { get; init; } = ChatRecordRules.Currency;

    public DateTimeOffset CreatedAt { get; init; }
}
