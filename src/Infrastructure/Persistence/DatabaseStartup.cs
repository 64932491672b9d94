using Npgsql;

namespace LlmPlatform.Infrastructure.Persistence;

/// <summary>Waits for PostgreSQL at start-up, retrying with backoff until a deadline.</summary>
public static class DatabaseStartup
{
    /// <summary>Returns null when the database answered, otherwise the last error's message.</summary>
    public static async Task<string?> WaitForDatabaseAsync(NpgsqlDataSource dataSource, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + deadline;
        var delay = TimeSpan.FromMilliseconds(250);
        string? last = null;
        while (true)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
            {
                last = ex.Message;
            }

            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return last;
            }

            await Task.Delay(delay < left ? delay : left, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 4000));
        }
    }
}
