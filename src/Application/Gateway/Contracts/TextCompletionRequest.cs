using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The body of the legacy <c>POST /v1/completions</c>; unnamed fields pass through to OpenAI-compatible upstreams.</summary>
public sealed record TextCompletionRequest
{
    public string? Model { get; init; }

    /// <summary>A string, an array of strings, token ids, or arrays of token ids.</summary>
    public JsonElement? Prompt { get; init; }

    public int? MaxTokens { get; init; }

    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public int? N { get; init; }

    /// <summary>A string or an array of strings.</summary>
    public JsonElement? Stop { get; init; }

    public bool? Stream { get; init; }

    public StreamOptions? StreamOptions { get; init; }

    /// <summary>How many most likely tokens to return log probabilities for (0 to 5).</summary>
    public int? Logprobs { get; init; }

    public bool? Echo { get; init; }

    public string? Suffix { get; init; }

    public string? User { get; init; }

    public double? PresencePenalty { get; init; }

    public double? FrequencyPenalty { get; init; }

    public long? Seed { get; init; }

    public int? BestOf { get; init; }

    public JsonElement? LogitBias { get; init; }

    /// <summary>Fields this type does not name. Settable because System.Text.Json cannot fill extension data through an init accessor.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    [JsonIgnore]
    public bool IsStreaming => Stream == true;
}
