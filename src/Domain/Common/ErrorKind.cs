namespace LlmPlatform.Domain.Common;

/// <summary>The class of an expected failure; each dialect maps it to its own status and envelope.</summary>
public enum ErrorKind
{
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    RateLimited,
    BudgetExceeded,
    PayloadTooLarge,
    Upstream,
    Unavailable,
    Timeout,
}
