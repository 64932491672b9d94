using LlmPlatform.Application.Access.AccessGroups;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>Model access groups in PostgreSQL, with Dapper.</summary>
internal sealed class AccessGroupStore : IAccessGroupStore
{
    private const string Columns = """
        access_group AS AccessGroup, models AS Models, display_name AS DisplayName, description AS Description, status AS Status,
        created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    private const string InsertSql = """
        INSERT INTO model_access_groups (access_group, models, display_name, description, status, created_at, updated_at)
        VALUES (@AccessGroup, @Models, @DisplayName, @Description, @Status, @CreatedAt, @UpdatedAt)
        ON CONFLICT (access_group) DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE model_access_groups
        SET models = @Models, display_name = @DisplayName, description = @Description, status = @Status, updated_at = @UpdatedAt
        WHERE access_group = @AccessGroup
        """;

    private const string FindSql = "SELECT " + Columns + " FROM model_access_groups WHERE access_group = @name";

    private const string ListSql = "SELECT " + Columns + " FROM model_access_groups ORDER BY access_group";

    private const string DeleteSql = "DELETE FROM model_access_groups WHERE access_group = @name";

    private readonly NpgsqlDataSource _dataSource;

    public AccessGroupStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task<bool> InsertAsync(AccessGroupInfo group, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync(InsertSql, Parameters(group), cancellationToken).ConfigureAwait(false) == 1;

    public async Task<AccessGroupInfo?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<Row>(FindSql, new { name }, cancellationToken).ConfigureAwait(false))?.ToInfo();

    public Task UpdateAsync(AccessGroupInfo group, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(UpdateSql, Parameters(group), cancellationToken);

    public async Task<IReadOnlyList<AccessGroupInfo>> ListAsync(CancellationToken cancellationToken) =>
        (await _dataSource.QueryListAsync<Row>(ListSql, null, cancellationToken).ConfigureAwait(false)).Select(r => r.ToInfo()).ToList();

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync(DeleteSql, new { name }, cancellationToken).ConfigureAwait(false) > 0;

    private static object Parameters(AccessGroupInfo g) =>
        new { g.AccessGroup, Models = g.Models.ToArray(), g.DisplayName, g.Description, g.Status, g.CreatedAt, g.UpdatedAt };

    private sealed record Row
    {
        public string AccessGroup { get; init; } = string.Empty;

        public string[] Models { get; init; } = [];

        public string? DisplayName { get; init; }

        public string? Description { get; init; }

        public string Status { get; init; } = AccessGroupDetails.Active;

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        public AccessGroupInfo ToInfo() => new()
        {
            AccessGroup = AccessGroup,
            Models = Models,
            DisplayName = DisplayName,
            Description = Description,
            Status = Status,
            CreatedAt = Utc.Of(CreatedAt),
            UpdatedAt = Utc.Of(UpdatedAt),
        };
    }
}
