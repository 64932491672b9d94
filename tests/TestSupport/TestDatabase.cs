using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.TestSupport;

/// <summary>A fresh, empty database on the test server, dropped when disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private TestDatabase(string name, string connectionString, string adminConnectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        _adminConnectionString = adminConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The database as a <c>postgresql://</c> URL, the way DATABASE_URL is usually given.</summary>
    public string Url
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"postgresql://{Uri.EscapeDataString(b.Username!)}:{Uri.EscapeDataString(b.Password ?? string.Empty)}@{b.Host}:{b.Port}/{b.Database}";
        }
    }

    public static async Task<TestDatabase> CreateAsync(string prefix = "t")
    {
        var baseString = ConnectionStrings.ToNpgsql(TestEnvironment.DatabaseUrl);
        var admin = new NpgsqlConnectionStringBuilder(baseString) { Database = "postgres", Pooling = false }.ConnectionString;
        var name = $"lp_{prefix}_{Guid.NewGuid():N}"[..30].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var own = new NpgsqlConnectionStringBuilder(baseString) { Database = name }.ConnectionString;
        return new TestDatabase(name, own, admin);
    }

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
