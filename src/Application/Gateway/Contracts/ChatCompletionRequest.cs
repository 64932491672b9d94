using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The body of <c>POST /v1/chat/completions</c>; parameters it does not name are kept in <see cref="AdditionalProperties"/>.</summary>
public sealed record ChatCompletionRequest
{
    public string? Model { get; init; }

    public IReadOnlyList<ChatMessage>? Messages { get; init; }

    public bool? Stream { get; init; }

    public StreamOptions? StreamOptions { get; init; }

    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public int? N { get; init; }

    /// <summary>A string or an array of strings.</summary>
    public JsonElement? Stop { get; init; }

    public int? MaxTokens { get; init; }

    public int? MaxCompletionTokens { get; init; }

    public double? PresencePenalty { get; init; }

    public double? FrequencyPenalty { get; init; }

    public long? Seed { get; init; }

    public bool? Logprobs { get; init; }

    public int? TopLogprobs { get; init; }

    public JsonElement? LogitBias { get; init; }

    public string? User { get; init; }

    public JsonElement? Metadata { get; init; }

    public IReadOnlyList<ChatTool>? Tools { get; init; }

    /// <summary>"none", "auto", "required" or <c>{"type":"function","function":{"name":...}}</c>.</summary>
    public JsonElement? ToolChoice { get; init; }

    public bool? ParallelToolCalls { get; init; }

    /// <summary>The legacy function list (seed 001).</summary>
    public IReadOnlyList<FunctionDefinition>? Functions { get; init; }

    /// <summary>The legacy function choice: "none", "auto" or <c>{"name":...}</c>.</summary>
    public JsonElement? FunctionCall { get; init; }

    public ResponseFormat? ResponseFormat { get; init; }

    /// <summary>Fields this type does not name, kept to pass through. Settable because System.Text.Json cannot fill extension data through an init accessor.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    [JsonIgnore]
    public bool IsStreaming => Stream == true;

    /// <summary>The answer length the caller allows, whichever of the two names it used.</summary>
    [JsonIgnore]
    public int? EffectiveMaxTokens => MaxCompletionTokens ?? MaxTokens;
}
