namespace LlmPlatform.Application.Conversations.ChatRecords;

/// <summary>
/// One chat completion to record (the Connector dialect's chat records, seed 004): the client's session-id, the last
/// user message and the answer's text, and what the call came to (tokens and USD).
/// </summary>
public sealed record ChatExchange
{
    /// <summary>The client's <c>session-id</c> header: which of the key's sessions the exchange belongs to.</summary>
    public required string SessionKey { get; init; }

    public required string Prompt { get; init; }

    public required string Completion { get; init; }

    /// <summary>The model (group) the client asked for.</summary>
    public required string Model { get; init; }

    /// <summary>The deployment that answered; null for a cached answer.</summary>
    public string? DeploymentId { get; init; }

    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    public decimal Fee { get; init; }

    public bool Streamed { get; init; }

    public string? RequestId { get; init; }
}
