using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>One ledger row as LiteLLM's <c>/spend/logs</c> shows it (its field names, camel case for the times).</summary>
public sealed record SpendLogEntry
{
    public required string RequestId { get; init; }

    public required string CallType { get; init; }

    /// <summary>The key's SHA-256 hash, never the key.</summary>
    public required string ApiKey { get; init; }

    public string? KeyAlias { get; init; }

    public decimal Spend { get; init; }

    public long TotalTokens { get; init; }

    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    [JsonPropertyName("startTime")]
    public DateTimeOffset StartTime { get; init; }

    [JsonPropertyName("endTime")]
    public DateTimeOffset EndTime { get; init; }

    [JsonPropertyName("completionStartTime")]
    public DateTimeOffset? CompletionStartTime { get; init; }

    /// <summary>The deployment's model id when known, else the model group.</summary>
    public string? Model { get; init; }

    public string? ModelId { get; init; }

    public string? ModelGroup { get; init; }

    public string? CustomLlmProvider { get; init; }

    public string? ApiBase { get; init; }

    /// <summary>The key's user.</summary>
    public string? User { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    public string? EndUser { get; init; }

    public string Status { get; init; } = "success";

    public string? ErrorType { get; init; }

    public bool CacheHit { get; init; }

    public bool Stream { get; init; }

    public int Attempts { get; init; }

    public IReadOnlyList<string> RequestTags { get; init; } = [];

    public JsonElement? Metadata { get; init; }
}
