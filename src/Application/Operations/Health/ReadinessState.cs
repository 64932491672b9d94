namespace LlmPlatform.Application.Operations.Health;

/// <summary>Whether this node should take traffic: not while migrations run, not while shutting down.</summary>
public sealed class ReadinessState
{
    private volatile bool _migrated;
    private volatile bool _shuttingDown;

    public bool MigrationsApplied => _migrated;

    public bool ShuttingDown => _shuttingDown;

    public void MarkMigrated() => _migrated = true;

    public void MarkShuttingDown() => _shuttingDown = true;
}
