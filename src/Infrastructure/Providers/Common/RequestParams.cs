using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>Which OpenAI request parameters a call uses, and the error for those a provider cannot take.</summary>
internal static class RequestParams
{
    /// <summary>Fields the gateway itself consumes; they never go upstream.</summary>
    public static IReadOnlySet<string> GatewayOnly { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "cache", "tags", "fallbacks", "num_retries", "mock_response", "guardrails", "caching", "litellm_metadata",
    };

    /// <summary>The unnamed fields without those the gateway consumes (the same dictionary when there are none).</summary>
    public static IDictionary<string, System.Text.Json.JsonElement>? WithoutGatewayOnly(IDictionary<string, System.Text.Json.JsonElement>? extra) =>
        extra is not null && extra.Keys.Any(GatewayOnly.Contains)
            ? extra.Where(kv => !GatewayOnly.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal)
            : extra;

    /// <summary>The parameters the request sets, by their OpenAI names (model, messages, stream, user and metadata aside).</summary>
    public static List<string> Present(ChatCompletionRequest request)
    {
        var names = new List<string>();
        void Add(bool present, string name)
        {
            if (present)
            {
                names.Add(name);
            }
        }

        Add(request.Temperature is not null, "temperature");
        Add(request.TopP is not null, "top_p");
        Add(request.N is > 1, "n");
        Add(request.Stop is not null, "stop");
        Add(request.MaxTokens is not null, "max_tokens");
        Add(request.MaxCompletionTokens is not null, "max_completion_tokens");
        Add(request.PresencePenalty is not null, "presence_penalty");
        Add(request.FrequencyPenalty is not null, "frequency_penalty");
        Add(request.Seed is not null, "seed");
        Add(request.Logprobs == true, "logprobs");
        Add(request.TopLogprobs is not null, "top_logprobs");
        Add(request.LogitBias is not null, "logit_bias");
        Add(request.Tools is { Count: > 0 }, "tools");
        Add(request.ToolChoice is not null, "tool_choice");
        Add(request.ParallelToolCalls is not null, "parallel_tool_calls");
        Add(request.Functions is { Count: > 0 }, "functions");
        Add(request.FunctionCall is not null, "function_call");
        Add(request.ResponseFormat is { Type: not null and not "text" }, "response_format");
        if (request.AdditionalProperties is { } extra)
        {
            names.AddRange(extra.Keys.Where(k => !GatewayOnly.Contains(k)));
        }

        return names;
    }

    /// <summary>The <c>top_k</c> extension several providers take natively, when the request sets a whole number.</summary>
    public static int? TopK(ChatCompletionRequest request) =>
        request.AdditionalProperties is { } extra && extra.TryGetValue("top_k", out var value)
        && value.ValueKind == System.Text.Json.JsonValueKind.Number && value.TryGetInt32(out var k) ? k : null;

    /// <summary>
    /// Null when the provider takes every parameter the call sets or the call drops the others;
    /// otherwise a 400 naming the parameters it cannot take.
    /// </summary>
    public static Error? Unsupported(ProviderCall call, IReadOnlySet<string> supported)
    {
        if (call.DropParams)
        {
            return null;
        }

        var rejected = Present(call.Request).Where(name => !supported.Contains(name)).ToList();
        if (rejected.Count == 0)
        {
            return null;
        }

        var names = string.Join(", ", rejected);
        return new Error(
            ErrorKind.Validation,
            "unsupported_params",
            $"{call.Deployment.Provider} does not support the parameter(s): {names}. Remove them, or set litellm_settings.drop_params: true to drop them.",
            rejected[0],
            400);
    }
}
