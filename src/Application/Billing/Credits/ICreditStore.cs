namespace LlmPlatform.Application.Billing.Credits;

/// <summary>Team credit accounts and their transactions; every change of a balance is atomic with its transaction.</summary>
public interface ICreditStore
{
    Task<CreditAccount?> FindAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Opens the team's account with an allocation (an allocation transaction when it is above zero).</summary>
    Task<CreditAccount> OpenAsync(string teamId, long allocated, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Changes the given settings (null: unchanged); false when the team has no account.</summary>
    Task<CreditAccount?> UpdateAsync(
        string teamId,
        long? allocated,
        long? used,
        string? budgetMode,
        decimal? creditsPerDollar,
        DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>Adds credits (opening the account if the team has none) and records the allocation.</summary>
    Task<CreditTransaction> AddAsync(string teamId, long amount, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<CreditTransaction>> ListTransactionsAsync(string teamId, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>
    /// Charges a job once: marks it charged and takes the credits from its team in one transaction. A job already
    /// charged is not charged again (its answer says applied); a balance that does not cover the charge leaves both
    /// untouched and says not applied.
    /// </summary>
    Task<JobCharge> ChargeJobAsync(Guid jobId, string teamId, long credits, string reason, DateTimeOffset now, CancellationToken cancellationToken);
}
