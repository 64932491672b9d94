using System.Text.Json;
using Dapper;
using LlmPlatform.Application.Access.Organizations;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>Organizations and their members in PostgreSQL, with Dapper.</summary>
internal sealed class OrganizationStore : IOrganizationStore
{
    private const string Columns = """
        o.organization_id AS OrganizationId, o.organization_alias AS OrganizationAlias, o.models AS Models,
        o.max_budget AS MaxBudget, o.soft_budget AS SoftBudget, o.budget_duration AS BudgetDuration, o.budget_id AS BudgetId,
        o.tpm_limit AS TpmLimit, o.rpm_limit AS RpmLimit, o.max_parallel_requests AS MaxParallelRequests, o.spend AS Spend,
        o.metadata::text AS Metadata, o.created_at AS CreatedAt, o.updated_at AS UpdatedAt,
        COALESCE((SELECT jsonb_agg(jsonb_build_object('user_id', m.user_id, 'role', m.user_role) ORDER BY m.created_at, m.user_id)
                  FROM organization_members m WHERE m.organization_id = o.organization_id), '[]'::jsonb)::text AS Members,
        ARRAY(SELECT t.team_id FROM teams t WHERE t.organization_id = o.organization_id ORDER BY t.team_id) AS Teams
        """;

    private const string InsertSql = """
        INSERT INTO organizations (organization_id, organization_alias, models, max_budget, soft_budget, budget_duration, budget_id,
            tpm_limit, rpm_limit, max_parallel_requests, metadata, created_at, updated_at)
        VALUES (@OrganizationId, @OrganizationAlias, @Models, @MaxBudget, @SoftBudget, @BudgetDuration, @BudgetId,
            @TpmLimit, @RpmLimit, @MaxParallelRequests, @Metadata::jsonb, @CreatedAt, @UpdatedAt)
        """;

    private const string UpdateSql = """
        UPDATE organizations SET organization_alias = @OrganizationAlias, models = @Models, max_budget = @MaxBudget,
            soft_budget = @SoftBudget, budget_duration = @BudgetDuration, budget_id = @BudgetId, tpm_limit = @TpmLimit,
            rpm_limit = @RpmLimit, max_parallel_requests = @MaxParallelRequests, metadata = @Metadata::jsonb,
            updated_at = @UpdatedAt
        WHERE organization_id = @OrganizationId
        """;

    private const string FindSql = "SELECT " + Columns + " FROM organizations o WHERE o.organization_id = @organizationId";

    private const string ListSql = "SELECT " + Columns + """

        FROM organizations o
        WHERE @member::text IS NULL
           OR EXISTS (SELECT 1 FROM organization_members m WHERE m.organization_id = o.organization_id AND m.user_id = @member)
        ORDER BY o.created_at, o.organization_id
        """;

    private const string UpsertMemberSql = """
        INSERT INTO organization_members (organization_id, user_id, user_role) VALUES (@organizationId, @userId, @role)
        ON CONFLICT (organization_id, user_id) DO UPDATE SET user_role = excluded.user_role
        """;

    private const string RemoveMemberSql = "DELETE FROM organization_members WHERE organization_id = @organizationId AND user_id = @userId";

    private const string DeleteSql = """
        UPDATE virtual_keys SET organization_id = NULL WHERE organization_id = ANY(@ids) RETURNING token
        """;

    private const string DeleteOrganizationsSql = "DELETE FROM organizations WHERE organization_id = ANY(@ids)";

    private readonly NpgsqlDataSource _dataSource;

    public OrganizationStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task InsertAsync(OrganizationInfo organization, CancellationToken cancellationToken)
    {
        await _dataSource.ExecuteAsync(InsertSql, Parameters(organization), cancellationToken).ConfigureAwait(false);
    }

    public async Task<OrganizationInfo?> FindAsync(string organizationId, CancellationToken cancellationToken)
    {
        var row = await _dataSource.QuerySingleOrDefaultAsync<OrganizationRow>(FindSql, new { organizationId }, cancellationToken).ConfigureAwait(false);
        return row?.ToInfo();
    }

    public async Task UpdateAsync(OrganizationInfo organization, CancellationToken cancellationToken)
    {
        await _dataSource.ExecuteAsync(UpdateSql, Parameters(organization), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OrganizationInfo>> ListAsync(string? memberUserId, CancellationToken cancellationToken)
    {
        var rows = await _dataSource.QueryListAsync<OrganizationRow>(ListSql, new { member = memberUserId }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToInfo()).ToList();
    }

    public async Task UpsertMemberAsync(string organizationId, string userId, string role, CancellationToken cancellationToken)
    {
        await _dataSource.ExecuteAsync(UpsertMemberSql, new { organizationId, userId, role }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RemoveMemberAsync(string organizationId, string userId, CancellationToken cancellationToken)
    {
        return await _dataSource.ExecuteAsync(RemoveMemberSql, new { organizationId, userId }, cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<IReadOnlyList<string>> DeleteAsync(IReadOnlyList<string> organizationIds, CancellationToken cancellationToken)
    {
        var ids = organizationIds.ToArray();
        return await _dataSource.DeleteReturningAsync(DeleteSql, DeleteOrganizationsSql, new { ids }, cancellationToken).ConfigureAwait(false);
    }

    private static object Parameters(OrganizationInfo o) => new
    {
        o.OrganizationId,
        o.OrganizationAlias,
        Models = o.Models.ToArray(),
        o.MaxBudget,
        o.SoftBudget,
        o.BudgetDuration,
        o.BudgetId,
        o.TpmLimit,
        o.RpmLimit,
        o.MaxParallelRequests,
        Metadata = JsonColumns.Write(o.Metadata),
        o.CreatedAt,
        o.UpdatedAt,
    };

    private sealed record OrganizationRow
    {
        private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

        public string OrganizationId { get; init; } = string.Empty;

        public string OrganizationAlias { get; init; } = string.Empty;

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

        public string Members { get; init; } = "[]";

        public string[] Teams { get; init; } = [];

        public OrganizationInfo ToInfo() => new()
        {
            OrganizationId = OrganizationId,
            OrganizationAlias = OrganizationAlias,
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
            Members = JsonSerializer.Deserialize<List<OrganizationMember>>(Members, SnakeCase) ?? [],
            Teams = Teams,
            CreatedAt = Utc.Of(CreatedAt),
            UpdatedAt = Utc.Of(UpdatedAt),
        };
    }
}
