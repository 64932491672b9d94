using System.Text.Json.Serialization;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>The answer of a job call: its text (null for a tool call), why it stopped, and any tool calls.</summary>
public sealed record SaasCallResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Content,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FinishReason,
    IReadOnlyList<ToolCall>? ToolCalls);
