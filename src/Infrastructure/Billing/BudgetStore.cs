using System.Text.Json;
using Dapper;
using LlmPlatform.Application.Billing.Budgets;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Billing;

/// <summary>Shared budgets in PostgreSQL, with Dapper.</summary>
internal sealed class BudgetStore : IBudgetStore
{
    private const string Columns = """
        budget_id AS BudgetId, max_budget AS MaxBudget, soft_budget AS SoftBudget, budget_duration AS BudgetDuration,
        tpm_limit AS TpmLimit, rpm_limit AS RpmLimit, max_parallel_requests AS MaxParallelRequests,
        model_max_budget::text AS ModelMaxBudget, created_by AS CreatedBy, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    private const string InsertSql = """
        INSERT INTO budgets (budget_id, max_budget, soft_budget, budget_duration, tpm_limit, rpm_limit, max_parallel_requests,
            model_max_budget, created_by, created_at, updated_at)
        VALUES (@BudgetId, @MaxBudget, @SoftBudget, @BudgetDuration, @TpmLimit, @RpmLimit, @MaxParallelRequests,
            @ModelMaxBudget::jsonb, @CreatedBy, @CreatedAt, @UpdatedAt)
        ON CONFLICT (budget_id) DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE budgets SET max_budget = @MaxBudget, soft_budget = @SoftBudget, budget_duration = @BudgetDuration,
            tpm_limit = @TpmLimit, rpm_limit = @RpmLimit, max_parallel_requests = @MaxParallelRequests,
            model_max_budget = @ModelMaxBudget::jsonb, updated_at = @UpdatedAt
        WHERE budget_id = @BudgetId
        """;

    private const string FindSql = "SELECT " + Columns + " FROM budgets WHERE budget_id = @budgetId";

    private const string ListSql = "SELECT " + Columns + " FROM budgets ORDER BY created_at, budget_id";

    private const string DeleteSql = "DELETE FROM budgets WHERE budget_id = @budgetId";

    private readonly NpgsqlDataSource _dataSource;

    public BudgetStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task<bool> InsertAsync(BudgetInfo budget, CancellationToken cancellationToken)
    {
        return await _dataSource.ExecuteAsync(InsertSql, Parameters(budget), cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<BudgetInfo?> FindAsync(string budgetId, CancellationToken cancellationToken)
    {
        var row = await _dataSource.QuerySingleOrDefaultAsync<BudgetRow>(FindSql, new { budgetId }, cancellationToken).ConfigureAwait(false);
        return row?.ToInfo();
    }

    public async Task UpdateAsync(BudgetInfo budget, CancellationToken cancellationToken)
    {
        await _dataSource.ExecuteAsync(UpdateSql, Parameters(budget), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<BudgetInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await _dataSource.QueryListAsync<BudgetRow>(ListSql, null, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToInfo()).ToList();
    }

    public async Task<bool> DeleteAsync(string budgetId, CancellationToken cancellationToken)
    {
        return await _dataSource.ExecuteAsync(DeleteSql, new { budgetId }, cancellationToken).ConfigureAwait(false) > 0;
    }

    private static object Parameters(BudgetInfo b) => new
    {
        b.BudgetId,
        b.MaxBudget,
        b.SoftBudget,
        b.BudgetDuration,
        b.TpmLimit,
        b.RpmLimit,
        b.MaxParallelRequests,
        ModelMaxBudget = JsonColumns.Write(b.ModelMaxBudget),
        b.CreatedBy,
        b.CreatedAt,
        b.UpdatedAt,
    };

    private sealed record BudgetRow
    {
        public string BudgetId { get; init; } = string.Empty;

        public decimal? MaxBudget { get; init; }

        public decimal? SoftBudget { get; init; }

        public string? BudgetDuration { get; init; }

        public long? TpmLimit { get; init; }

        public long? RpmLimit { get; init; }

        public int? MaxParallelRequests { get; init; }

        public string? ModelMaxBudget { get; init; }

        public string? CreatedBy { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        public BudgetInfo ToInfo() => new()
        {
            BudgetId = BudgetId,
            MaxBudget = MaxBudget,
            SoftBudget = SoftBudget,
            BudgetDuration = BudgetDuration,
            TpmLimit = TpmLimit,
            RpmLimit = RpmLimit,
            MaxParallelRequests = MaxParallelRequests,
            ModelMaxBudget = JsonColumns.Read<JsonElement>(ModelMaxBudget),
            CreatedBy = CreatedBy,
            CreatedAt = Utc.Of(CreatedAt),
            UpdatedAt = Utc.Of(UpdatedAt),
        };
    }
}
