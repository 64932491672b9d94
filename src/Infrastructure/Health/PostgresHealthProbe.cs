using System.Diagnostics;
using LlmPlatform.Application.Operations.Health;
using Npgsql;

namespace LlmPlatform.Infrastructure.Health;

internal sealed class PostgresHealthProbe : IHealthProbe
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresHealthProbe(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public string Kind => "database";

    public async Task<IReadOnlyList<ServiceHealth>> CheckAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(timeout.Token).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(timeout.Token).ConfigureAwait(false);
            return [new ServiceHealth("postgres", "healthy", Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, Kind)];
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException or IOException or InvalidOperationException)
        {
            return [new ServiceHealth("postgres", "unhealthy", Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name, Kind)];
        }
    }
}
