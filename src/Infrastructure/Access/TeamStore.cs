using System.Text.Json;
using Dapper;
using LlmPlatform.Application.Access.Teams;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>Teams and their members in PostgreSQL, with Dapper.</summary>
internal sealed class TeamStore : ITeamStore
{
    private const string Columns = """
        t.team_id AS TeamId, t.team_alias AS TeamAlias, t.organization_id AS OrganizationId, t.models AS Models,
        t.max_budget AS MaxBudget, t.soft_budget AS SoftBudget, t.budget_duration AS BudgetDuration, t.budget_id AS BudgetId,
        t.tpm_limit AS TpmLimit, t.rpm_limit AS RpmLimit, t.max_parallel_requests AS MaxParallelRequests, t.spend AS Spend,
        t.blocked AS Blocked, t.metadata::text AS Metadata, t.created_at AS CreatedAt, t.updated_at AS UpdatedAt,
        COALESCE((SELECT jsonb_agg(jsonb_build_object('user_id', m.user_id, 'role', m.role) ORDER BY m.created_at, m.user_id)
                  FROM team_members m WHERE m.team_id = t.team_id), '[]'::jsonb)::text AS Members
        """;

    private const string InsertSql = """
        INSERT INTO teams (team_id, team_alias, organization_id, models, max_budget, soft_budget, budget_duration, budget_id,
            tpm_limit, rpm_limit, max_parallel_requests, blocked, metadata, created_at, updated_at)
        VALUES (@TeamId, @TeamAlias, @OrganizationId, @Models, @MaxBudget, @SoftBudget, @BudgetDuration, @BudgetId,
            @TpmLimit, @RpmLimit, @MaxParallelRequests, @Blocked, @Metadata::jsonb, @CreatedAt, @UpdatedAt)
        ON CONFLICT (team_id) DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE teams SET team_alias = @TeamAlias, organization_id = @OrganizationId, models = @Models, max_budget = @MaxBudget,
            soft_budget = @SoftBudget, budget_duration = @BudgetDuration, budget_id = @BudgetId, tpm_limit = @TpmLimit,
            rpm_limit = @RpmLimit, max_parallel_requests = @MaxParallelRequests, blocked = @Blocked,
            metadata = @Metadata::jsonb, updated_at = @UpdatedAt
        WHERE team_id = @TeamId
        """;

    private const string FindSql = "SELECT " + Columns + " FROM teams t WHERE t.team_id = @teamId";

    private const string ListSql = "SELECT " + Columns + """

        FROM teams t
        WHERE (@organizationId::text IS NULL OR t.organization_id = @organizationId)
          AND (@member::text IS NULL OR EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = t.team_id AND m.user_id = @member))
        ORDER BY t.created_at, t.team_id
        """;

    private const string UpsertMemberSql = """
        INSERT INTO team_members (team_id, user_id, role) VALUES (@teamId, @userId, @role)
        ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role
        """;

    private const string RemoveMemberSql = "DELETE FROM team_members WHERE team_id = @teamId AND user_id = @userId";

    private const string DeleteKeysSql = "DELETE FROM virtual_keys WHERE team_id = ANY(@ids) RETURNING token";

    private const string DeleteSql = "DELETE FROM teams WHERE team_id = ANY(@ids)";

    private readonly NpgsqlDataSource _dataSource;

    public TeamStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task<bool> InsertAsync(TeamInfo team, CancellationToken cancellationToken)
    {
        return await _dataSource.ExecuteAsync(InsertSql, Parameters(team), cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<TeamInfo?> FindAsync(string teamId, CancellationToken cancellationToken)
    {
        var row = await _dataSource.QuerySingleOrDefaultAsync<TeamRow>(FindSql, new { teamId }, cancellationToken).ConfigureAwait(false);
        return row?.ToInfo();
    }

    public async Task UpdateAsync(TeamInfo team, CancellationToken cancellationToken)
    {
        await _dataSource.ExecuteAsync(UpdateSql, Parameters(team), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TeamInfo>> ListAsync(string? organizationId, string? memberUserId, CancellationToken cancellationToken)
    {
        var rows = await _dataSource.QueryListAsync<TeamRow>(ListSql, new { organizationId, member = memberUserId }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToInfo()).ToList();
    }

    public async Task UpsertMemberAsync(string teamId, string userId, string role, CancellationToken cancellationToken)
    {
        await _dataSource.ExecuteAsync(UpsertMemberSql, new { teamId, userId, role }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RemoveMemberAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        return await _dataSource.ExecuteAsync(RemoveMemberSql, new { teamId, userId }, cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<IReadOnlyList<string>> DeleteAsync(IReadOnlyList<string> teamIds, CancellationToken cancellationToken)
    {
        var ids = teamIds.ToArray();
        return await _dataSource.DeleteReturningAsync(DeleteKeysSql, DeleteSql, new { ids }, cancellationToken).ConfigureAwait(false);
    }

    private static object Parameters(TeamInfo t) => new
    {
        t.TeamId,
        t.TeamAlias,
        t.OrganizationId,
        Models = t.Models.ToArray(),
        t.MaxBudget,
        t.SoftBudget,
        t.BudgetDuration,
        t.BudgetId,
        t.TpmLimit,
        t.RpmLimit,
        t.MaxParallelRequests,
        t.Blocked,
        Metadata = JsonColumns.Write(t.Metadata),
        t.CreatedAt,
        t.UpdatedAt,
    };

    private sealed record TeamRow
    {
        private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

        public string TeamId { get; init; } = string.Empty;

        public string? TeamAlias { get; init; }

        public string? OrganizationId { get; init; }

        public string[] Models { get; init; } = [];

        public decimal? MaxBudget { get; init; }

        public decimal? SoftBudget { get; init; }

        public string? BudgetDuration { get; init; }

        public string? BudgetId { get; init; }

        public long? TpmLimit { get; init; }

        public long? RpmLimit { get; init; }

        public int? MaxParallelRequests { get; init; }

        public decimal Spend { get; init; }

        public bool Blocked { get; init; }

        public string? Metadata { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        public string Members { get; init; } = "[]";

        public TeamInfo ToInfo() => new()
        {
            TeamId = TeamId,
            TeamAlias = TeamAlias,
            OrganizationId = OrganizationId,
            Models = Models,
            MaxBudget = MaxBudget,
            SoftBudget = SoftBudget,
            BudgetDuration = BudgetDuration,
            BudgetId = BudgetId,
            TpmLimit = TpmLimit,
            RpmLimit = RpmLimit,
            MaxParallelRequests = MaxParallelRequests,
            Spend = Spend,
            Blocked = Blocked,
            Metadata = JsonColumns.Read<JsonElement>(Metadata),
            MembersWithRoles = JsonSerializer.Deserialize<List<TeamMember>>(Members, SnakeCase) ?? [],
            CreatedAt = Utc.Of(CreatedAt),
            UpdatedAt = Utc.Of(UpdatedAt),
        };
    }
}
