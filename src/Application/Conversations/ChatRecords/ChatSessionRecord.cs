namespace LlmPlatform.Application.Conversations.ChatRecords;

/// <summary>
/// A recorded chat session as the Connector dialect shows it: <c>key</c> is the client's <c>session-id</c>,
/// <c>key_id</c> the api key's integer id (null for the master key), and the totals those of its threads (USD).
/// </summary>
public sealed record ChatSessionRecord
{
    public required long Id { get; init; }

    public required string Key { get; init; }

    public string? Title { get; init; }

    public long? KeyId { get; init; }

    public long TotalInTokens { get; init; }

    public long TotalOutTokens { get; init; }

    public decimal TotalFee { get; init; }

    public string Currency { get; init; } = ChatRecordRules.Currency;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
