namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>
/// The rate-limit state of the current request, set by admission and written by the API as OpenAI's
/// <c>x-ratelimit-*</c> headers (on every gateway response, before the first byte of a stream). Scoped per request.
/// </summary>
public sealed class RateLimitHeaders
{
    public long? LimitRequests { get; private set; }

    public long? RemainingRequests { get; private set; }

    public TimeSpan? ResetRequests { get; private set; }

    public long? LimitTokens { get; private set; }

    public long? RemainingTokens { get; private set; }

    public TimeSpan? ResetTokens { get; private set; }

    public bool HasValues => LimitRequests is not null || LimitTokens is not null;

    /// <summary>Keeps the tightest request limit seen (the one with the fewest remaining).</summary>
    public void ObserveRequests(long limit, long remaining, TimeSpan reset)
    {
        if (RemainingRequests is null || remaining < RemainingRequests)
        {
            LimitRequests = limit;
            RemainingRequests = Math.Max(0, remaining);
            ResetRequests = reset;
        }
    }

    /// <summary>Keeps the tightest token limit seen (the one with the fewest remaining).</summary>
    public void ObserveTokens(long limit, long remaining, TimeSpan reset)
    {
        if (RemainingTokens is null || remaining < RemainingTokens)
        {
            LimitTokens = limit;
            RemainingTokens = Math.Max(0, remaining);
            ResetTokens = reset;
        }
    }
}
