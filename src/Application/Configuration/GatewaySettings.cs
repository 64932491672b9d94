namespace LlmPlatform.Application.Configuration;

/// <summary>The parts of <c>litellm_settings</c> the gateway acts on.</summary>
public sealed record GatewaySettings
{
    /// <summary>
    /// <c>max_internal_user_budget</c>: the budget (USD) of a user who registers on their own at
    /// <c>/v1/users/register</c>; null: none.
    /// </summary>
    public decimal? MaxInternalUserBudget { get; init; }

    /// <summary><c>internal_user_budget_duration</c>: how often that budget resets (<c>30d</c>, <c>1mo</c>, ...); null: never.</summary>
    public string? InternalUserBudgetDuration { get; init; }

    /// <summary>Drop parameters a translated provider does not support instead of answering 400.</summary>
    public bool DropParams { get; init; }

    public TimeSpan? RequestTimeout { get; init; }

    public int? NumRetries { get; init; }

    /// <summary><c>litellm_settings.cache</c>: the response cache answers repeated requests only when true.</summary>
    public bool CacheEnabled { get; init; }

    /// <summary><c>cache_params.ttl</c>: how long an answer stays cached unless the request says otherwise.</summary>
    public TimeSpan CacheTtl { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary><c>cache_params.type</c>: <c>redis</c>, <c>local</c>, or null for Redis when configured and memory otherwise.</summary>
    public string? CacheType { get; init; }

    /// <summary><c>cache_params.namespace</c>: a prefix of the cache keys, so several configurations can share one Redis.</summary>
    public string? CacheNamespace { get; init; }

    /// <summary><c>cache_params.supported_call_types</c> (LiteLLM's names); empty caches every call type the gateway can cache.</summary>
    public IReadOnlyList<string> CacheCallTypes { get; init; } = [];

    /// <summary><c>cache_params.max_size_in_memory</c>: the most answers the in-memory cache keeps.</summary>
    public int CacheMaxEntries { get; init; } = 10_000;

    /// <summary>Every callback named in <c>callbacks</c>, <c>success_callback</c> and <c>failure_callback</c>.</summary>
    public IReadOnlyList<string> Callbacks { get; init; } = [];

    /// <summary>The callbacks named in <c>success_callback</c>.</summary>
    public IReadOnlyList<string> SuccessCallbacks { get; init; } = [];

    /// <summary>The callbacks named in <c>failure_callback</c>.</summary>
    public IReadOnlyList<string> FailureCallbacks { get; init; } = [];
}
