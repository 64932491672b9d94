using System.Text.Json;
using FluentValidation;
using LlmPlatform.Application.Gateway.Caching;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway.ChatCompletions;

/// <summary>The request's shape; which model the caller may use is the handler's business.</summary>
internal sealed class CreateChatCompletionCommandValidator : AbstractValidator<CreateChatCompletionCommand>
{
    private static readonly HashSet<string> KnownRoles = new(StringComparer.Ordinal)
    {
        "system", "developer", "user", "assistant", "tool", "function",
    };

    public CreateChatCompletionCommandValidator()
    {
        RuleFor(c => c.Request.Model)
            .NotEmpty().WithMessage("'model' is required.").OverridePropertyName("model");
        RuleFor(c => c.Request.Messages)
            .NotEmpty().WithMessage("'messages' must be a non-empty array.").OverridePropertyName("messages");
        // One pass over each list rather than RuleForEach, which builds a child validation context for every
        // message of every request; the first bad element is named with its index, as before.
        RuleFor(c => c.Request.Messages).Custom(static (messages, context) => FirstBad(
            messages,
            static m => m is not null && m.Role is not null && KnownRoles.Contains(m.Role),
            "messages",
            "Each message needs a 'role' of system, developer, user, assistant, tool or function.",
            context));
        RuleFor(c => c.Request.Messages).Custom(static (messages, context) => FirstBad(
            messages,
            static m => m is null || m.Content is null || m.Content.Value.ValueKind is JsonValueKind.String or JsonValueKind.Array or JsonValueKind.Null,
            "messages",
            "A message's 'content' must be a string or an array of content parts.",
            context));
        // The scalar settings, the tools and the response format in one plain pass: as separate rules they cost a
        // rule context, a condition and a validator call each on every request. The first bad one is named.
        RuleFor(c => c.Request).Custom(static (request, context) => CheckSettings(request, context));
        RuleFor(c => c.Request.AdditionalProperties).CacheControl();
    }

    private static void CheckSettings(ChatCompletionRequest r, ValidationContext<CreateChatCompletionCommand> context)
    {
        var (name, message) =
            r.Temperature is < 0 or > 2 ? ("temperature", "'temperature' must be between 0 and 2.")
            : r.TopP is < 0 or > 1 ? ("top_p", "'top_p' must be between 0 and 1.")
            : r.N is < 1 or > 128 ? ("n", "'n' must be between 1 and 128.")
            : r.MaxTokens is <= 0 ? ("max_tokens", "'max_tokens' must be positive.")
            : r.MaxCompletionTokens is <= 0 ? ("max_completion_tokens", "'max_completion_tokens' must be positive.")
            : r.PresencePenalty is < -2 or > 2 ? ("presence_penalty", "'presence_penalty' must be between -2 and 2.")
            : r.FrequencyPenalty is < -2 or > 2 ? ("frequency_penalty", "'frequency_penalty' must be between -2 and 2.")
            : r.TopLogprobs is < 0 or > 20 ? ("top_logprobs", "'top_logprobs' must be between 0 and 20.")
            : r.Stop is { ValueKind: not (JsonValueKind.String or JsonValueKind.Array or JsonValueKind.Null) }
                ? ("stop", "'stop' must be a string or an array of strings.")
            : r.ToolChoice is { ValueKind: not (JsonValueKind.String or JsonValueKind.Object or JsonValueKind.Null) }
                ? ("tool_choice", "'tool_choice' must be none, auto, required or an object naming a function.")
            : r.FunctionCall is { ValueKind: not (JsonValueKind.String or JsonValueKind.Object or JsonValueKind.Null) }
                ? ("function_call", "'function_call' must be none, auto or an object naming a function.")
            : ((string?)null, (string?)null);
        if (name is not null)
        {
            context.AddFailure(name, message!);
            return;
        }

        var toolsHold = FirstBad(
            r.Tools,
            static t => t is not null && t.Function is not null && !string.IsNullOrEmpty(t.Function.Name),
            "tools",
            "Each tool needs 'function.name'.",
            context);
        if (toolsHold && r.ResponseFormat is { } format && format.Type is not ("text" or "json_object" or "json_schema"))
        {
            context.AddFailure("response_format", "'response_format.type' must be text, json_object or json_schema.");
        }
    }

    /// <summary>Adds a failure naming the first item that does not hold; false when there was one.</summary>
    private static bool FirstBad<T>(
        IReadOnlyList<T>? items,
        Func<T, bool> holds,
        string name,
        string message,
        ValidationContext<CreateChatCompletionCommand> context)
    {
        if (items is null)
        {
            return true;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (!holds(items[i]))
            {
                context.AddFailure(name + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", message);
                return false;
            }
        }

        return true;
    }
}
