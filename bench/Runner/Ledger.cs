using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace LlmPlatform.Bench.Runner;

/// <summary>Counts spend_logs rows and the chat requests the gateway says it handled (its Prometheus metrics).</summary>
internal static partial class Ledger
{
    public static async Task<long> CountRowsAsync(string databaseUrl)
    {
        await using var connection = new NpgsqlConnection(ToConnectionString(databaseUrl));
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM spend_logs", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Request ids among <paramref name="ids"/> that have a row.</summary>
    public static async Task<HashSet<string>> FindAsync(string databaseUrl, IReadOnlyCollection<string> ids)
    {
        await using var connection = new NpgsqlConnection(ToConnectionString(databaseUrl));
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT request_id FROM spend_logs WHERE request_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    /// <summary>
    /// Chat requests the gateway finished, from http_server_request_duration_seconds_count: those answered 2xx,
    /// and the others (errors, and requests whose client went away mid-way, as wrk's do when a run stops).
    /// </summary>
    public static async Task<(long Answered, long Other)> CountServedAsync(HttpClient http, Uri metrics)
    {
        var text = await http.GetStringAsync(metrics).ConfigureAwait(false);
        long answered = 0;
        long other = 0;
        foreach (Match m in CountLine().Matches(text))
        {
            var labels = m.Groups[1].Value;
            if (!labels.Contains("chat/completions", StringComparison.Ordinal))
            {
                continue;
            }

            var count = (long)double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (labels.Contains("http_response_status_code=\"2", StringComparison.Ordinal) && !labels.Contains("error_type=", StringComparison.Ordinal))
            {
                answered += count;
            }
            else
            {
                other += count;
            }
        }

        return (answered, other);
    }

    public static string ToConnectionString(string databaseUrl)
    {
        if (!databaseUrl.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) || !databaseUrl.Contains("://", StringComparison.Ordinal))
        {
            return databaseUrl;
        }

        var uri = new Uri(databaseUrl);
        var user = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = uri.AbsolutePath.TrimStart('/'),
            Username = Uri.UnescapeDataString(user[0]),
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
            Pooling = false,
        };
        return builder.ConnectionString;
    }

    [GeneratedRegex(@"^http_server_request_duration_seconds_count\{([^}]*)\}\s+([\d.eE+]+)", RegexOptions.Multiline)]
    private static partial Regex CountLine();
}
