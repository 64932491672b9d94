using LlmPlatform.Application.Access.Authentication;

namespace LlmPlatform.Application.Gateway;

/// <summary>
/// A command that calls a model on someone's behalf (chat, completions, embeddings, ...). Pipeline behaviours
/// use it to admit the request (key, team and end-user checks, rate limits, budget reservation) before the
/// handler runs; the handler's <see cref="UsageEvent"/> (same <see cref="RequestId"/>) settles it afterwards.
/// </summary>
public interface IGatewayCommand
{
    CallerIdentity Caller { get; }

    string RequestId { get; }

    /// <summary>The model the client asked for (before alias resolution).</summary>
    string? RequestedModel { get; }

    /// <summary>The request's <c>user</c> field: the end user (customer) it is made for.</summary>
    string? EndUser { get; }

    /// <summary>The most output tokens the request allows (null when it does not say).</summary>
    int? MaxOutputTokens { get; }

    /// <summary>An estimate of the prompt's size, for token limits and budget reservations.</summary>
    int EstimatePromptTokens(ITokenCounter counter);
}
