using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Access;

/// <summary>The shape rules every budget and limit field shares, wherever it is set.</summary>
internal static class LimitRules
{
    /// <summary>
    /// The largest amount of money a budget or a spend total holds: the ledger's columns are <c>numeric(20, 10)</c>,
    /// ten digits before the point.
    /// </summary>
    public const decimal MaxAmount = 9_999_999_999m;

    public static Error? Check(decimal? maxBudget, decimal? softBudget, string? budgetDuration, long? tpmLimit, long? rpmLimit, int? maxParallelRequests)
    {
        if ((Amount(maxBudget, "max_budget") ?? Amount(softBudget, "soft_budget")) is { } badAmount)
        {
            return badAmount;
        }

        if (budgetDuration is not null && !BudgetDuration.TryParse(budgetDuration, out _))
        {
            return Error.Validation($"'budget_duration' must look like 30s, 10m, 1h, 30d, 1w or 1mo (got '{budgetDuration}').", "budget_duration");
        }

        if (tpmLimit is < 0)
        {
            return Error.Validation("'tpm_limit' cannot be negative.", "tpm_limit");
        }

        if (rpmLimit is < 0)
        {
            return Error.Validation("'rpm_limit' cannot be negative.", "rpm_limit");
        }

        if (maxParallelRequests is < 0)
        {
            return Error.Validation("'max_parallel_requests' cannot be negative.", "max_parallel_requests");
        }

        return null;
    }

    /// <summary>An error when an amount of money is negative or more than <see cref="MaxAmount"/>.</summary>
    public static Error? Amount(decimal? amount, string field) => amount switch
    {
        < 0 => Error.Validation($"'{field}' cannot be negative.", field),
        > MaxAmount => Error.Validation($"'{field}' cannot be more than {MaxAmount:0}.", field),
        _ => null,
    };

    /// <summary>An expiry <paramref name="duration"/> from now, or an error when the text is not a duration.</summary>
    public static Result<DateTimeOffset?> ExpiryOf(string? duration, DateTimeOffset now)
    {
        if (duration is null)
        {
            return Result<DateTimeOffset?>.Success(null);
        }

        if (!BudgetDuration.TryParse(duration, out var parsed))
        {
            return Error.Validation($"'duration' must look like 30s, 10m, 1h, 30d, 1w or 1mo (got '{duration}').", "duration");
        }

        return Result<DateTimeOffset?>.Success(parsed!.Months > 0 ? now.AddMonths(parsed.Months) : now + parsed.FixedLength);
    }

    /// <summary>Whether every model of <paramref name="wanted"/> is in <paramref name="allowed"/> (empty allows all).</summary>
    public static bool IsSubset(IReadOnlyList<string>? wanted, IReadOnlyList<string> allowed)
    {
        if (allowed.Count == 0 || allowed.Contains("*") || allowed.Contains("all-proxy-models"))
        {
            return true;
        }

        return wanted is { Count: > 0 } && wanted.All(allowed.Contains);
    }
}
