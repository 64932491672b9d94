using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.TestSupport;
using Npgsql;

namespace LlmPlatform.Api.Tests.Admin;

/// <summary>Raw JSON calls to the admin endpoints, and a way to make a key that is not an admin.</summary>
internal static class CatalogAdminHttp
{
    public static async Task<(int Status, string Body)> SendAsync(HttpClient client, HttpMethod method, string path, string? json = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static JsonElement Json(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the time is up; returns whether it held.</summary>
    public static Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within) =>
        Eventually.TrueAsync(condition, within, TimeSpan.FromMilliseconds(100));

    /// <summary>Stores a plain virtual key (role internal_user) straight in the database and returns it.</summary>
    public static async Task<string> CreateNonAdminKeyAsync(string databaseUrl)
    {
        var key = "sk-user-" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionStrings.ToNpgsql(databaseUrl));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("INSERT INTO virtual_keys (token, key_id, key_name) VALUES (@token, @id, @name)", connection);
        command.Parameters.AddWithValue("token", KeyHasher.Hash(key));
        command.Parameters.AddWithValue("id", Guid.NewGuid().ToString("N"));
        command.Parameters.AddWithValue("name", "sk-...user");
        await command.ExecuteNonQueryAsync();
        return key;
    }

    public static async Task<string?> ScalarTextAsync(string databaseUrl, string sql, string parameter)
    {
        await using var connection = new NpgsqlConnection(ConnectionStrings.ToNpgsql(databaseUrl));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", parameter);
        return (await command.ExecuteScalarAsync()) as string;
    }
}
