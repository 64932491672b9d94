using System.Collections.Concurrent;
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

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (EndUserState? State, DateTimeOffset ValidUntil)> _cache = new(StringComparer.Ordinal);

    public EndUserDirectory(NpgsqlDataSource dataSource, TimeProvider time)
    {
        _dataSource = dataSource;
        _time = time;
    }

    public async ValueTask<EndUserState?> FindAsync(string endUserId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(endUserId, out var cached) && cached.ValidUntil >= now)
        {
            return cached.State;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(LookupSql, new { userId = endUserId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var state = row is null
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
            });
        _cache[endUserId] = (state, now + (state is null ? NegativeTtl : PositiveTtl));
        return state;
    }

    public void InvalidateAll() => _cache.Clear();

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
