using Dapper;
using LlmPlatform.Application.Access.EndUsers;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>End users in PostgreSQL, with Dapper.</summary>
internal sealed class EndUserStore : IEndUserStore
{
    private const string Columns = """
        user_id AS UserId, alias AS Alias, blocked AS Blocked, max_budget AS MaxBudget, soft_budget AS SoftBudget,
        budget_duration AS BudgetDuration, budget_id AS BudgetId, allowed_model_region AS AllowedModelRegion,
        default_model AS DefaultModel, spend AS Spend, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    private const string InsertSql = """
        INSERT INTO end_users (user_id, alias, blocked, max_budget, soft_budget, budget_duration, budget_id, allowed_model_region,
            default_model, created_at, updated_at)
        VALUES (@UserId, @Alias, @Blocked, @MaxBudget, @SoftBudget, @BudgetDuration, @BudgetId, @AllowedModelRegion,
            @DefaultModel, @CreatedAt, @UpdatedAt)
        ON CONFLICT (user_id) DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE end_users SET alias = @Alias, blocked = @Blocked, max_budget = @MaxBudget, soft_budget = @SoftBudget,
            budget_duration = @BudgetDuration, budget_id = @BudgetId, allowed_model_region = @AllowedModelRegion,
            default_model = @DefaultModel, updated_at = @UpdatedAt
        WHERE user_id = @UserId
        """;

    // One statement, so that a spend row the ledger writer inserts at the same moment cannot swallow the flag.
    private const string SetBlockedSql = """
        INSERT INTO end_users (user_id, blocked, created_at, updated_at)
        VALUES (@userId, @blocked, @now, @now)
        ON CONFLICT (user_id) DO UPDATE SET blocked = excluded.blocked, updated_at = excluded.updated_at
        """;

    private const string FindSql = "SELECT " + Columns + " FROM end_users WHERE user_id = @userId";

    private const string ListSql = "SELECT " + Columns + " FROM end_users ORDER BY created_at, user_id";

    private const string DeleteSql = "DELETE FROM end_users WHERE user_id = ANY(@ids)";

    private readonly NpgsqlDataSource _dataSource;

    public EndUserStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task<bool> InsertAsync(EndUserInfo endUser, CancellationToken cancellationToken)
    {
        return await _dataSource.ExecuteAsync(InsertSql, Parameters(endUser), cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<EndUserInfo?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await _dataSource.QuerySingleOrDefaultAsync<EndUserRow>(FindSql, new { userId }, cancellationToken).ConfigureAwait(false);
        return row?.ToInfo();
    }

    public async Task UpdateAsync(EndUserInfo endUser, CancellationToken cancellationToken)
    {
        await _dataSource.ExecuteAsync(UpdateSql, Parameters(endUser), cancellationToken).ConfigureAwait(false);
    }

    public async Task SetBlockedAsync(string userId, bool blocked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _dataSource.ExecuteAsync(SetBlockedSql, new { userId, blocked, now }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<EndUserInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await _dataSource.QueryListAsync<EndUserRow>(ListSql, null, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToInfo()).ToList();
    }

    public async Task DeleteAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        await _dataSource.ExecuteAsync(DeleteSql, new { ids = userIds.ToArray() }, cancellationToken).ConfigureAwait(false);
    }

    private static object Parameters(EndUserInfo e) => new
    {
        e.UserId,
        e.Alias,
        e.Blocked,
        e.MaxBudget,
        e.SoftBudget,
        e.BudgetDuration,
        e.BudgetId,
        e.AllowedModelRegion,
        e.DefaultModel,
        e.CreatedAt,
        e.UpdatedAt,
    };

    private sealed record EndUserRow
    {
        public string UserId { get; init; } = string.Empty;

        public string? Alias { get; init; }

        public bool Blocked { get; init; }

        public decimal? MaxBudget { get; init; }

        public decimal? SoftBudget { get; init; }

        public string? BudgetDuration { get; init; }

        public string? BudgetId { get; init; }

        public string? AllowedModelRegion { get; init; }

        public string? DefaultModel { get; init; }

        public decimal Spend { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        public EndUserInfo ToInfo() => new()
        {
            UserId = UserId,
            Alias = Alias,
            Blocked = Blocked,
            MaxBudget = MaxBudget,
            SoftBudget = SoftBudget,
            BudgetDuration = BudgetDuration,
            BudgetId = BudgetId,
            AllowedModelRegion = AllowedModelRegion,
            DefaultModel = DefaultModel,
            Spend = Spend,
            CreatedAt = Utc.Of(CreatedAt),
            UpdatedAt = Utc.Of(UpdatedAt),
        };
    }
}
