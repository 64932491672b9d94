using Dapper;
using LlmPlatform.Application.Billing.Credits;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Billing;

/// <summary>
/// Team credits in PostgreSQL, with Dapper. Each balance change runs in one statement or one transaction with its
/// transaction row, so a balance never moves without its record and never goes below zero.
/// </summary>
internal sealed class CreditStore : ICreditStore
{
    private const string AccountColumns = """
        c.team_id AS TeamId, t.organization_id AS OrganizationId, c.credits_allocated AS CreditsAllocated,
        c.credits_used AS CreditsUsed, c.budget_mode AS BudgetMode, c.credits_per_dollar AS CreditsPerDollar,
        c.tokens_per_credit AS TokensPerCredit, CASE WHEN t.blocked THEN 'suspended' ELSE 'active' END AS Status,
        c.created_at AS CreatedAt, c.updated_at AS UpdatedAt
        """;

    private const string TransactionColumns = """
        transaction_id AS TransactionId, team_id AS TeamId, organization_id AS OrganizationId, job_id AS JobId,
        transaction_type AS TransactionType, credits_amount AS CreditsAmount, credits_before AS CreditsBefore,
        credits_after AS CreditsAfter, reason AS Reason, created_at AS CreatedAt
        """;

    private const string FindSql = "SELECT " + AccountColumns + " FROM team_credits c JOIN teams t ON t.team_id = c.team_id WHERE c.team_id = @teamId";

    private const string OpenSql = """
        INSERT INTO team_credits (team_id, credits_allocated, created_at, updated_at) VALUES (@teamId, @allocated, @now, @now)
        ON CONFLICT (team_id) DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE team_credits SET
            credits_allocated = COALESCE(@allocated, credits_allocated),
            credits_used = COALESCE(@used, credits_used),
            budget_mode = COALESCE(@budgetMode, budget_mode),
            credits_per_dollar = COALESCE(@creditsPerDollar, credits_per_dollar),
            updated_at = @now
        WHERE team_id = @teamId
        """;

    // Locks the account row for the rest of the transaction, so concurrent changes queue behind each other.
    private const string LockSql = """
        SELECT c.credits_allocated - c.credits_used AS Remaining, t.organization_id AS OrganizationId
        FROM team_credits c JOIN teams t ON t.team_id = c.team_id WHERE c.team_id = @teamId FOR UPDATE OF c
        """;

    private const string AddSql = "UPDATE team_credits SET credits_allocated = credits_allocated + @amount, updated_at = @now WHERE team_id = @teamId";

    private const string ChargeSql = "UPDATE team_credits SET credits_used = credits_used + @amount, updated_at = @now WHERE team_id = @teamId";

    private const string MarkJobSql = "UPDATE saas_jobs SET credit_applied = true, updated_at = @now WHERE job_id = @jobId AND NOT credit_applied";

    private const string InsertTransactionSql = """
        INSERT INTO credit_transactions (transaction_id, team_id, organization_id, job_id, transaction_type, credits_amount,
            credits_before, credits_after, reason, created_at)
        VALUES (@TransactionId, @TeamId, @OrganizationId, @JobId, @TransactionType, @CreditsAmount, @CreditsBefore,
            @CreditsAfter, @Reason, @CreatedAt)
        """;

    private const string ListSql = "SELECT " + TransactionColumns + """

        FROM credit_transactions WHERE team_id = @teamId ORDER BY created_at DESC, transaction_id LIMIT @limit OFFSET @offset
        """;

    private readonly NpgsqlDataSource _dataSource;

    public CreditStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task<CreditAccount?> FindAsync(string teamId, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<AccountRow>(FindSql, new { teamId }, cancellationToken).ConfigureAwait(false))?.ToAccount();

    public async Task<CreditAccount> OpenAsync(string teamId, long allocated, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var opened = await connection.ExecuteAsync(new CommandDefinition(OpenSql, new { teamId, allocated, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (opened == 1 && allocated > 0)
        {
            var organizationId = (await LockAsync(connection, transaction, teamId, cancellationToken).ConfigureAwait(false))!.Value.OrganizationId;
            await InsertAsync(connection, transaction, Allocation(teamId, organizationId, allocated, 0, "Initial credit allocation", now), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (await FindAsync(teamId, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<CreditAccount?> UpdateAsync(
        string teamId,
        long? allocated,
        long? used,
        string? budgetMode,
        decimal? creditsPerDollar,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await LockAsync(connection, transaction, teamId, cancellationToken).ConfigureAwait(false) is not { } before)
        {
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition(UpdateSql, new { teamId, allocated, used, budgetMode, creditsPerDollar, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var after = (await LockAsync(connection, transaction, teamId, cancellationToken).ConfigureAwait(false))!.Value;
        if (after.Remaining != before.Remaining)
        {
            await InsertAsync(connection, transaction, new CreditTransaction
            {
                TransactionId = Guid.NewGuid(),
                TeamId = teamId,
                OrganizationId = after.OrganizationId,
                TransactionType = "adjustment",
                CreditsAmount = after.Remaining - before.Remaining,
                CreditsBefore = before.Remaining,
                CreditsAfter = after.Remaining,
                Reason = "Credits set by an admin",
                CreatedAt = now,
            }, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(teamId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CreditTransaction> AddAsync(string teamId, long amount, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(OpenSql, new { teamId, allocated = 0L, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var before = (await LockAsync(connection, transaction, teamId, cancellationToken).ConfigureAwait(false))!.Value;
        await connection.ExecuteAsync(new CommandDefinition(AddSql, new { teamId, amount, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var record = Allocation(teamId, before.OrganizationId, amount, before.Remaining, reason, now);
        await InsertAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return record;
    }

    public async Task<IReadOnlyList<CreditTransaction>> ListTransactionsAsync(string teamId, int limit, int offset, CancellationToken cancellationToken) =>
        (await _dataSource.QueryListAsync<TransactionRow>(ListSql, new { teamId, limit, offset }, cancellationToken).ConfigureAwait(false))
            .Select(r => r.ToTransaction())
            .ToList();

    public async Task<JobCharge> ChargeJobAsync(Guid jobId, string teamId, long credits, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await LockAsync(connection, transaction, teamId, cancellationToken).ConfigureAwait(false) is not { } before)
        {
            return new JobCharge(false, 0);
        }

        if (before.Remaining < credits)
        {
            return new JobCharge(false, before.Remaining);
        }

        // Charged already (by an earlier or a concurrent completion, which this one waited for): nothing more.
        if (await connection.ExecuteAsync(new CommandDefinition(MarkJobSql, new { jobId, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 0)
        {
            return new JobCharge(true, before.Remaining);
        }

        await connection.ExecuteAsync(new CommandDefinition(ChargeSql, new { teamId, amount = credits, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await InsertAsync(connection, transaction, new CreditTransaction
        {
            TransactionId = Guid.NewGuid(),
            TeamId = teamId,
            OrganizationId = before.OrganizationId,
            JobId = jobId,
            TransactionType = "deduction",
            CreditsAmount = credits,
            CreditsBefore = before.Remaining,
            CreditsAfter = before.Remaining - credits,
            Reason = reason,
            CreatedAt = now,
        }, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new JobCharge(true, before.Remaining - credits);
    }

    private static CreditTransaction Allocation(string teamId, string? organizationId, long amount, long before, string reason, DateTimeOffset now) => new()
    {
        TransactionId = Guid.NewGuid(),
        TeamId = teamId,
        OrganizationId = organizationId,
        TransactionType = "allocation",
        CreditsAmount = amount,
        CreditsBefore = before,
        CreditsAfter = before + amount,
        Reason = reason,
        CreatedAt = now,
    };

    private static async Task<(long Remaining, string? OrganizationId)?> LockAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string teamId,
        CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<LockedRow>(new CommandDefinition(LockSql, new { teamId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : (row.Remaining, row.OrganizationId);
    }

    private static Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CreditTransaction record, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertTransactionSql, record, transaction, cancellationToken: cancellationToken));

    private sealed record AccountRow
    {
        public string TeamId { get; init; } = string.Empty;

        public string? OrganizationId { get; init; }

        public long CreditsAllocated { get; init; }

        public long CreditsUsed { get; init; }

        public string BudgetMode { get; init; } = BudgetModes.JobBased;

        public decimal CreditsPerDollar { get; init; }

        public long TokensPerCredit { get; init; }

        public string Status { get; init; } = "active";

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        public CreditAccount ToAccount() => new()
        {
            TeamId = TeamId,
            OrganizationId = OrganizationId,
            CreditsAllocated = CreditsAllocated,
            CreditsUsed = CreditsUsed,
            BudgetMode = BudgetMode,
            CreditsPerDollar = CreditsPerDollar,
            TokensPerCredit = TokensPerCredit,
            Status = Status,
            CreatedAt = Utc.Of(CreatedAt),
            UpdatedAt = Utc.Of(UpdatedAt),
        };
    }

    private sealed record TransactionRow
    {
        public Guid TransactionId { get; init; }

        public string TeamId { get; init; } = string.Empty;

        public string? OrganizationId { get; init; }

        public Guid? JobId { get; init; }

        public string TransactionType { get; init; } = string.Empty;

        public long CreditsAmount { get; init; }

        public long CreditsBefore { get; init; }

        public long CreditsAfter { get; init; }

        public string? Reason { get; init; }

        public DateTime CreatedAt { get; init; }

        public CreditTransaction ToTransaction() => new()
        {
            TransactionId = TransactionId,
            TeamId = TeamId,
            OrganizationId = OrganizationId,
            JobId = JobId,
            TransactionType = TransactionType,
            CreditsAmount = CreditsAmount,
            CreditsBefore = CreditsBefore,
            CreditsAfter = CreditsAfter,
            Reason = Reason,
            CreatedAt = Utc.Of(CreatedAt),
        };
    }

    private sealed record LockedRow
    {
        public long Remaining { get; init; }

        public string? OrganizationId { get; init; }
    }
}
