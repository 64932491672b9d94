using Dapper;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Enforcement;
using LlmPlatform.Domain.Access;
using Npgsql;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>End users for the hot path, cached like keys (and dropped by the same invalidations).</summary>
internal sealed class EndUserDirectory : IEndUserDirectory
{
    private const string LookupSql = """
        SELECT e.user_id AS UserId, e.blocked AS Blocked, e.spend AS Spend,
               COALESCE(e.max_budget, b.max_budget) AS MaxBudget, COALESCE(e.soft_budget, b.soft_budget) AS SoftBudget,
               COALESCE(e.budget_duration, b.budget_duration) AS BudgetDuration, b.tpm_limit AS TpmLimit,
               b.rpm_limit AS RpmLimit, b.max_parallel_requests AS MaxParallelRequests
        FROM end_users e
        LEFT JOIN budgets b ON b.budget_id = e.budget_id
        WHERE e.user_id = @userId
        """;

    private static readonly TimeSpan PositiveTtl = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan NegativeTtl = TimeSpan.FromSeconds(5);

    /// <summary>How long past its minute a known end user's entry is still used while one background read refreshes it.</summary>
    private static readonly TimeSpan StaleGrace = TimeSpan.FromSeconds(60);

    private readonly NpgsqlDataSource _dataSource;
    private readonly RefreshingCache<Found> _cache;

    public EndUserDirectory(NpgsqlDataSource dataSource, TimeProvider time)
    {
        _dataSource = dataSource;
        _cache = new RefreshingCache<Found>(time, LoadAsync, f => f.State is null ? NegativeTtl : PositiveTtl, f => f.State is not null, StaleGrace);
    }

    public async ValueTask<EndUserState?> FindAsync(string endUserId, CancellationToken cancellationToken) =>
        (await _cache.GetAsync(endUserId, cancellationToken).ConfigureAwait(false)).State;

    public void InvalidateAll() => _cache.InvalidateAll();

    private async Task<Found> LoadAsync(string endUserId)
    {
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(LookupSql, new { userId = endUserId })).ConfigureAwait(false);
        return new Found(row is null
            ? null
            : new EndUserState(row.UserId, row.Blocked, new LimitSet
            {
                Spend = row.Spend,
                MaxBudget = row.MaxBudget,
                SoftBudget = row.SoftBudget,
                BudgetDuration = BudgetDuration.TryParse(row.BudgetDuration, out var window) ? window : null,
                TpmLimit = row.TpmLimit,
                RpmLimit = row.RpmLimit,
                MaxParallelRequests = row.MaxParallelRequests,
            }));
    }

    /// <summary>What a lookup found: the end user, or null for one with no row (cached briefly as well).</summary>
    private sealed record Found(EndUserState? State);

    private sealed record Row
    {
        public string UserId { get; init; } = string.Empty;

        public bool Blocked { get; init; }

        public decimal Spend { get; init; }

        public decimal? MaxBudget { get; init; }

        public decimal? SoftBudget { get; init; }

        public string? BudgetDuration { get; init; }

        public long? TpmLimit { get; init; }

        public long? RpmLimit { get; init; }

        public int? MaxParallelRequests { get; init; }
    }
}
