using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The body of <c>POST /v1/chat/completions</c>; parameters it does not name are kept in <see cref="AdditionalProperties"/>.</summary>
/// <remarks>
/// The hot path's records (this one, its messages, tools and the answer's message and usage) have setters, not
/// init accessors: with init accessors System.Text.Json's source generator collects every property in a boxed
/// argument array before it builds the object. Nothing sets them after they are read; copies use <c>with</c>.
/// </remarks>
public sealed record ChatCompletionRequest
{
    public string? Model { get; set; }

    public IReadOnlyList<ChatMessage>? Messages { get; set; }

    public bool? Stream { get; set; }

    public StreamOptions? StreamOptions { get; set; }

    public double? Temperature { get; set; }

    public double? TopP { get; set; }

    public int? N { get; set; }

    /// <summary>A string or an array of strings.</summary>
    public JsonElement? Stop { get; set; }

    public int? MaxTokens { get; set; }

    public int? MaxCompletionTokens { get; set; }

    public double? PresencePenalty { get; set; }

    public double? FrequencyPenalty { get; set; }

    public long? Seed { get; set; }

    public bool? Logprobs { get; set; }

    public int? TopLogprobs { get; set; }

    public JsonElement? LogitBias { get; set; }

    public string? User { get; set; }

    public JsonElement? Metadata { get; set; }

    public IReadOnlyList<ChatTool>? Tools { get; set; }

    /// <summary>"none", "auto", "required" or <c>{"type":"function","function":{"name":...}}</c>.</summary>
    public JsonElement? ToolChoice { get; set; }

    public bool? ParallelToolCalls { get; set; }

    /// <summary>The legacy function list (seed 001).</summary>
    public IReadOnlyList<FunctionDefinition>? Functions { get; set; }

    /// <summary>The legacy function choice: "none", "auto" or <c>{"name":...}</c>.</summary>
    public JsonElement? FunctionCall { get; set; }

    public ResponseFormat? ResponseFormat { get; set; }

    /// <summary>Fields this type does not name, kept to pass through.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    [JsonIgnore]
    public bool IsStreaming => Stream == true;

    /// <summary>The answer length the caller allows, whichever of the two names it used.</summary>
    [JsonIgnore]
    public int? EffectiveMaxTokens => MaxCompletionTokens ?? MaxTokens;
}
