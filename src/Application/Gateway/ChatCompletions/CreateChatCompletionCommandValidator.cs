using System.Text.Json;
using FluentValidation;
using LlmPlatform.Application.Gateway.Caching;

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
        RuleFor(c => c.Request.Temperature)
            .InclusiveBetween(0, 2).When(c => c.Request.Temperature is not null)
            .WithMessage("'temperature' must be between 0 and 2.").OverridePropertyName("temperature");
        RuleFor(c => c.Request.TopP)
            .InclusiveBetween(0, 1).When(c => c.Request.TopP is not null)
            .WithMessage("'top_p' must be between 0 and 1.").OverridePropertyName("top_p");
        RuleFor(c => c.Request.N)
            .InclusiveBetween(1, 128).When(c => c.Request.N is not null)
            .WithMessage("'n' must be between 1 and 128.").OverridePropertyName("n");
        RuleFor(c => c.Request.MaxTokens)
            .GreaterThan(0).When(c => c.Request.MaxTokens is not null)
            .WithMessage("'max_tokens' must be positive.").OverridePropertyName("max_tokens");
        RuleFor(c => c.Request.MaxCompletionTokens)
            .GreaterThan(0).When(c => c.Request.MaxCompletionTokens is not null)
            .WithMessage("'max_completion_tokens' must be positive.").OverridePropertyName("max_completion_tokens");
        RuleFor(c => c.Request.PresencePenalty)
            .InclusiveBetween(-2, 2).When(c => c.Request.PresencePenalty is not null)
            .WithMessage("'presence_penalty' must be between -2 and 2.").OverridePropertyName("presence_penalty");
        RuleFor(c => c.Request.FrequencyPenalty)
            .InclusiveBetween(-2, 2).When(c => c.Request.FrequencyPenalty is not null)
            .WithMessage("'frequency_penalty' must be between -2 and 2.").OverridePropertyName("frequency_penalty");
        RuleFor(c => c.Request.TopLogprobs)
            .InclusiveBetween(0, 20).When(c => c.Request.TopLogprobs is not null)
            .WithMessage("'top_logprobs' must be between 0 and 20.").OverridePropertyName("top_logprobs");
        RuleFor(c => c.Request.Stop)
            .Must(s => s is null || s.Value.ValueKind is JsonValueKind.String or JsonValueKind.Array or JsonValueKind.Null)
            .WithMessage("'stop' must be a string or an array of strings.").OverridePropertyName("stop");
        RuleFor(c => c.Request.Tools).Custom(static (tools, context) => FirstBad(
            tools,
            static t => t is not null && t.Function is not null && !string.IsNullOrEmpty(t.Function.Name),
            "tools",
            "Each tool needs 'function.name'.",
            context));
        RuleFor(c => c.Request.ResponseFormat!.Type)
            .Must(t => t is "text" or "json_object" or "json_schema")
            .When(c => c.Request.ResponseFormat is not null)
            .WithMessage("'response_format.type' must be text, json_object or json_schema.").OverridePropertyName("response_format");
        RuleFor(c => c.Request.AdditionalProperties).CacheControl();
    }

    private static void FirstBad<T>(
        IReadOnlyList<T>? items,
        Func<T, bool> holds,
        string name,
        string message,
        ValidationContext<CreateChatCompletionCommand> context)
    {
        if (items is null)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (!holds(items[i]))
            {
                context.AddFailure(name + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", message);
                return;
            }
        }
    }
}
