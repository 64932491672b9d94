using System.Text.Json;
using Dapper;
using LlmPlatform.Application.Access.Users;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>Users in PostgreSQL, with Dapper.</summary>
internal sealed class UserStore : IUserStore
{
    private const string Columns = """
        u.user_id AS UserId, u.user_email AS UserEmail, u.user_alias AS UserAlias, u.user_role AS UserRole, u.models AS Models,
        u.max_budget AS MaxBudget, u.soft_budget AS SoftBudget, u.budget_duration AS BudgetDuration, u.budget_id AS BudgetId,
        u.tpm_limit AS TpmLimit, u.rpm_limit AS RpmLimit, u.max_parallel_requests AS MaxParallelRequests, u.spend AS Spend,
        u.metadata::text AS Metadata, u.created_at AS CreatedAt, u.updated_at AS UpdatedAt,
        ARRAY(SELECT m.team_id FROM team_members m WHERE m.user_id = u.user_id ORDER BY m.team_id) AS Teams
        """;

    private const string InsertSql = """
        INSERT INTO users (user_id, user_email, user_alias, user_role, models, max_budget, soft_budget, budget_duration, budget_id,
            tpm_limit, rpm_limit, max_parallel_requests, metadata, created_at, updated_at)
        VALUES (@UserId, @UserEmail, @UserAlias, @UserRole, @Models, @MaxBudget, @SoftBudget, @BudgetDuration, @BudgetId,
            @TpmLimit, @RpmLimit, @MaxParallelRequests, @Metadata::jsonb, @CreatedAt, @UpdatedAt)
        ON CONFLICT (user_id) DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE users SET user_email = @UserEmail, user_alias = @UserAlias, user_role = @UserRole, models = @Models,
            max_budget = @MaxBudget, soft_budget = @SoftBudget, budget_duration = @BudgetDuration, budget_id = @BudgetId,
            tpm_limit = @TpmLimit, rpm_limit = @RpmLimit, max_parallel_requests = @MaxParallelRequests,
            metadata = @Metadata::jsonb, updated_at = @UpdatedAt
        WHERE user_id = @UserId
        """;

    private const string FindSql = "SELECT " + Columns + " FROM users u WHERE u.user_id = @userId";

    private const string ListSql = "SELECT " + Columns + " FROM users u WHERE (@role::text IS NULL OR u.user_role = @role) ORDER BY u.created_at, u.user_id LIMIT @limit OFFSET @offset";

    private const string CountSql = "SELECT count(*)::int FROM users u WHERE (@role::text IS NULL OR u.user_role = @role)";

    private const string DeleteKeysSql = "DELETE FROM virtual_keys WHERE user_id = ANY(@ids) RETURNING token";

    private const string DeleteSql = """
        DELETE FROM team_members WHERE user_id = ANY(@ids);
        DELETE FROM organization_members WHERE user_id = ANY(@ids);
        DELETE FROM users WHERE user_id = ANY(@ids);
        """;

    private readonly NpgsqlDataSource _dataSource;

    public UserStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task<bool> InsertAsync(UserInfo user, CancellationToken cancellationToken)
    {
        return await _dataSource.ExecuteAsync(InsertSql, Parameters(user), cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<UserInfo?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await _dataSource.QuerySingleOrDefaultAsync<UserRow>(FindSql, new { userId }, cancellationToken).ConfigureAwait(false);
        return row?.ToInfo();
    }

    public async Task UpdateAsync(UserInfo user, CancellationToken cancellationToken)
    {
        await _dataSource.ExecuteAsync(UpdateSql, Parameters(user), cancellationToken).ConfigureAwait(false);
    }

    public async Task<(IReadOnlyList<UserInfo> Users, int Total)> ListAsync(string? role, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(ListSql, new { role, limit = pageSize, offset = (page - 1) * pageSize }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, new { role }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (rows.Select(r => r.ToInfo()).ToList(), total);
    }

    public async Task<IReadOnlyList<string>> DeleteAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.ToArray();
        return await _dataSource.DeleteReturningAsync(DeleteKeysSql, DeleteSql, new { ids }, cancellationToken).ConfigureAwait(false);
    }

    private static object Parameters(UserInfo u) => new
    {
        u.UserId,
        u.UserEmail,
        u.UserAlias,
        u.UserRole,
        Models = u.Models.ToArray(),
        u.MaxBudget,
        u.SoftBudget,
        u.BudgetDuration,
        u.BudgetId,
        u.TpmLimit,
        u.RpmLimit,
        u.MaxParallelRequests,
        Metadata = JsonColumns.Write(u.Metadata),
        u.CreatedAt,
        u.UpdatedAt,
    };

    private sealed record UserRow
    {
        public string UserId { get; init; } = string.Empty;

        public string? UserEmail { get; init; }

        public string? UserAlias { get; init; }

        public string UserRole { get; init; } = string.Empty;

        public string[] Models { get; init; } = [];

        public decimal? MaxBudget { get; init; }

        public decimal? SoftBudget { get; init; }

        public string? BudgetDuration { get; init; }

        public string? BudgetId { get; init; }

        public long? TpmLimit { get; init; }

        public long? RpmLimit { get; init; }

        public int? MaxParallelRequests { get; init; }

        public decimal Spend { get; init; }

        public string? Metadata { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        public string[] Teams { get; init; } = [];

        public UserInfo ToInfo() => new()
        {
            UserId = UserId,
            UserEmail = UserEmail,
            UserAlias = UserAlias,
            UserRole = UserRole,
            Models = Models,
            MaxBudget = MaxBudget,
            SoftBudget = SoftBudget,
            BudgetDuration = BudgetDuration,
            BudgetId = BudgetId,
            TpmLimit = TpmLimit,
            RpmLimit = RpmLimit,
            MaxParallelRequests = MaxParallelRequests,
            Spend = Spend,
            Metadata = JsonColumns.Read<JsonElement>(Metadata),
            Teams = Teams,
            CreatedAt = Utc.Of(CreatedAt),
            UpdatedAt = Utc.Of(UpdatedAt),
        };
    }
}
