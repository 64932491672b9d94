using System.Collections.Concurrent;
using LlmPlatform.Application.Catalog.Lifecycle;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace LlmPlatform.Infrastructure.Catalog;

/// <summary>
/// The runtime state of model groups: every group is loaded until an admin unloads it. Hosted providers need no
/// warm-up, so loading is immediate. Changes are stored in PostgreSQL (read at start-up, so they outlive a restart)
/// and reach the other nodes through the access-change bus; the hot path reads only this node's copy, and pays one
/// emptiness test while nothing was ever unloaded.
/// </summary>
internal sealed class ModelRuntimeState : IModelRuntimeState, IHostedService
{
    private const string ReadSql = "SELECT model_group AS ModelGroup, loaded AS Loaded, changed_at AS ChangedAt FROM model_runtime_state";

    private const string UpsertSql = """
        INSERT INTO model_runtime_state (model_group, loaded, changed_at) VALUES (@modelGroup, @loaded, @now)
        ON CONFLICT (model_group) DO UPDATE SET loaded = EXCLUDED.loaded, changed_at = EXCLUDED.changed_at
        """;

    private readonly ConcurrentDictionary<string, ModelRuntime> _changed = new(StringComparer.Ordinal);
    private readonly NpgsqlDataSource _dataSource;
    private readonly DateTimeOffset _startedAt;

    public ModelRuntimeState(NpgsqlDataSource dataSource, TimeProvider time)
    {
        _dataSource = dataSource;
        _startedAt = time.GetUtcNow();
    }

    public ModelRuntime Of(string modelGroup) =>
        _changed.TryGetValue(modelGroup, out var runtime) ? runtime : new ModelRuntime(true, _startedAt);

    public bool IsUnloaded(string modelGroup) =>
        !_changed.IsEmpty && _changed.TryGetValue(modelGroup, out var runtime) && !runtime.Loaded;

    public async Task<ModelRuntime> SetAsync(string modelGroup, bool loaded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = Of(modelGroup);
        if (current.Loaded == loaded)
        {
            return current;
        }

        await _dataSource.ExecuteAsync(UpsertSql, new { modelGroup, loaded, now }, cancellationToken).ConfigureAwait(false);
        var changed = new ModelRuntime(loaded, now);
        _changed[modelGroup] = changed;
        return changed;
    }

    /// <summary>Keeps the newer state, so that a change arriving late never undoes a later one.</summary>
    public void Apply(string modelGroup, ModelRuntime runtime) =>
        _changed.AddOrUpdate(modelGroup, runtime, (_, current) => runtime.Since >= current.Since ? runtime : current);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var row in await _dataSource.QueryListAsync<StateRow>(ReadSql, null, cancellationToken).ConfigureAwait(false))
        {
            _changed[row.ModelGroup] = new ModelRuntime(row.Loaded, Utc.Of(row.ChangedAt));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed record StateRow
    {
        public string ModelGroup { get; init; } = string.Empty;

        public bool Loaded { get; init; }

        public DateTime ChangedAt { get; init; }
    }
}
